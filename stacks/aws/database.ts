// orders-db on AWS: an Aurora PostgreSQL cluster with a writer and a reader
// pinned to different zones. Aurora's storage keeps six copies across three
// zones and acknowledges a commit only once a quorum has it, so promoting the
// reader loses no acknowledged write (RPO 0); the reader must live in another
// zone or a zone's loss takes both instances. The master password is managed
// by RDS in Secrets Manager and never enters the plan.
import { inputError } from "../../core/errors.ts";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { TARGET_TAG, targetTag } from "./config.ts";

export interface AuroraPostgresArgs {
  readonly prefix: string;
  readonly engineVersion: string;
  readonly instanceClass: string;
  readonly database: string;
  readonly user: string;
  /** One instance per zone; the first is created as the writer. */
  readonly zones: readonly string[];
  readonly subnetIds: pulumi.Input<string>[];
  readonly securityGroupIds: pulumi.Input<string>[];
}

export const AURORA_POSTGRES_TYPE = "continuity-drill:aws:AuroraPostgres";

export class AuroraPostgres extends pulumi.ComponentResource {
  public readonly cluster: aws.rds.Cluster;
  public readonly instances: aws.rds.ClusterInstance[];
  public readonly clusterIdentifier: string;

  constructor(name: string, args: AuroraPostgresArgs, opts?: pulumi.ComponentResourceOptions) {
    if (new Set(args.zones).size < 2) throw inputError(`AuroraPostgres "${name}": needs instances in at least two distinct zones`);
    super(AURORA_POSTGRES_TYPE, name, { zones: args.zones, instanceClass: args.instanceClass }, opts);
    const parent = { parent: this };
    this.clusterIdentifier = `${args.prefix}-orders-db`;
    const tags = { [TARGET_TAG]: targetTag(args.prefix, "orders-db") };
    const subnets = new aws.rds.SubnetGroup(`${name}-subnets`, { name: `${args.prefix}-orders-db`, subnetIds: args.subnetIds }, parent);
    this.cluster = new aws.rds.Cluster(`${name}-cluster`, {
      clusterIdentifier: this.clusterIdentifier,
      engine: "aurora-postgresql",
      engineVersion: args.engineVersion,
      databaseName: args.database,
      masterUsername: args.user,
      manageMasterUserPassword: true,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: args.securityGroupIds,
      storageEncrypted: true,
      backupRetentionPeriod: 7,
      deletionProtection: false,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${args.prefix}-orders-db-final`,
      tags,
    }, parent);
    // Promotion tiers order the failover: the reader in the next zone is promoted first.
    this.instances = args.zones.map((zone, i) =>
      new aws.rds.ClusterInstance(`${name}-${zone}`, {
        identifier: `${args.prefix}-orders-db-${zone}`,
        clusterIdentifier: this.cluster.id,
        engine: "aurora-postgresql",
        engineVersion: args.engineVersion,
        instanceClass: args.instanceClass,
        availabilityZone: zone,
        promotionTier: i,
        dbSubnetGroupName: subnets.name,
        publiclyAccessible: false,
        tags,
      }, parent),
    );
    this.registerOutputs({ clusterIdentifier: this.clusterIdentifier });
  }
}
