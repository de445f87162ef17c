// sessions-cache on AWS: an ElastiCache (Redis OSS) replication group, cluster
// mode off, a primary and replicas spread over the zones, with automatic
// failover and Multi-AZ on — without both, a primary's loss waits for a human.
// Replication is asynchronous: a failover may lose the last writes the primary
// acknowledged, which the plan's RPO must allow for.
import { inputError } from "../../core/errors.ts";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { TARGET_TAG, targetTag } from "./config.ts";

export interface RedisReplicationGroupArgs {
  readonly prefix: string;
  readonly engineVersion: string;
  readonly nodeType: string;
  /** Primary plus replicas. */
  readonly nodes: number;
  readonly zones: readonly string[];
  readonly subnetIds: pulumi.Input<string>[];
  readonly securityGroupIds: pulumi.Input<string>[];
}

export const REDIS_REPLICATION_GROUP_TYPE = "continuity-drill:aws:RedisReplicationGroup";

export class RedisReplicationGroup extends pulumi.ComponentResource {
  public readonly group: aws.elasticache.ReplicationGroup;
  public readonly replicationGroupId: string;
  /** Member node ids as ElastiCache names them (cluster mode off): <group>-001, -002 … */
  public readonly memberIds: string[];

  constructor(name: string, args: RedisReplicationGroupArgs, opts?: pulumi.ComponentResourceOptions) {
    if (args.nodes < 2) throw inputError(`RedisReplicationGroup "${name}": nodes needs a primary and at least one replica`);
    super(REDIS_REPLICATION_GROUP_TYPE, name, { nodes: args.nodes, zones: args.zones }, opts);
    this.replicationGroupId = `${args.prefix}-sessions`;
    this.memberIds = Array.from({ length: args.nodes }, (_, i) => `${this.replicationGroupId}-${String(i + 1).padStart(3, "0")}`);
    const subnets = new aws.elasticache.SubnetGroup(`${name}-subnets`, { name: `${args.prefix}-sessions`, subnetIds: args.subnetIds }, { parent: this });
    this.group = new aws.elasticache.ReplicationGroup(`${name}-group`, {
      replicationGroupId: this.replicationGroupId,
      description: "sessions-cache: user sessions for the storefront",
      engine: "redis",
      engineVersion: args.engineVersion,
      nodeType: args.nodeType,
      port: 6379,
      numCacheClusters: args.nodes,
      // Node n goes to zone n mod zones: the primary and its first replica never share a zone.
      preferredCacheClusterAzs: this.memberIds.map((_, i) => args.zones[i % args.zones.length]!),
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      subnetGroupName: subnets.name,
      securityGroupIds: args.securityGroupIds,
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
      snapshotRetentionLimit: 1,
      applyImmediately: true,
      tags: { [TARGET_TAG]: targetTag(args.prefix, "sessions-cache") },
    }, { parent: this });
    this.registerOutputs({ replicationGroupId: this.replicationGroupId });
  }
}
