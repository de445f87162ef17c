// One FIS experiment template per hazard the plan declares on AWS. Targets
// are selected by this stack's tags (FIS resolves them when the experiment
// starts), an empty selection fails the experiment instead of "completing"
// without a fault, and every template stops on the stack's alarms.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { TARGET_TAG, targetTag } from "./config.ts";
import { ZONE_TAG, zoneTag } from "./network.ts";

export interface ExperimentsArgs {
  readonly prefix: string;
  readonly impairedZone: string;
  /** ISO 8601, e.g. PT5M: how long the timed faults last unless the drill stops them first. */
  readonly faultDuration: string;
  readonly webGroupName: string;
  readonly roleArn: pulumi.Input<string>;
  readonly stopAlarmArns: pulumi.Input<string>[];
}

type Action = aws.types.input.fis.ExperimentTemplateAction;
type Target = aws.types.input.fis.ExperimentTemplateTarget;

export interface Experiments {
  ordersDbNodeLoss: aws.fis.ExperimentTemplate;
  sessionsCacheZoneLoss: aws.fis.ExperimentTemplate;
  webNodeLoss: aws.fis.ExperimentTemplate;
  webZoneLoss: aws.fis.ExperimentTemplate;
}

export function experiments(args: ExperimentsArgs, opts: pulumi.CustomResourceOptions): Experiments {
  const template = (name: string, endpoint: string, description: string, actions: Action[], targets: Target[]) =>
    new aws.fis.ExperimentTemplate(`${args.prefix}-${name}`, {
      description,
      roleArn: args.roleArn,
      stopConditions: args.stopAlarmArns.map((value) => ({ source: "aws:cloudwatch:alarm", value })),
      actions,
      targets,
      experimentOptions: { accountTargeting: "single-account", emptyTargetResolutionMode: "fail" },
      tags: { Name: `${args.prefix}-${name}`, "continuity-drill:endpoint": endpoint },
    }, opts);
  const byTag = (service: string) => [{ key: TARGET_TAG, value: targetTag(args.prefix, service) }];
  const duration = { key: "duration", value: args.faultDuration };

  const cluster: Target = { name: "orders-db", resourceType: "aws:rds:cluster", selectionMode: "ALL", resourceTags: byTag("orders-db") };
  const failover: Action = { name: "failover-writer", actionId: "aws:rds:failover-db-cluster", target: { key: "Clusters", value: "orders-db" } };
  const cache: Target = {
    name: "sessions-cache", resourceType: "aws:elasticache:replicationgroup", selectionMode: "ALL",
    // Replication groups are selected by tag only; the zone is a target parameter.
    resourceTags: byTag("sessions-cache"), parameters: { availabilityZoneIdentifier: args.impairedZone },
  };
  const powerCut: Action = {
    name: "interrupt-zone-power", actionId: "aws:elasticache:replicationgroup-interrupt-az-power",
    parameters: [duration], target: { key: "ReplicationGroups", value: "sessions-cache" },
  };
  const zoneSubnets: Target = {
    name: "impaired-zone", resourceType: "aws:ec2:subnet", selectionMode: "ALL",
    resourceTags: [{ key: ZONE_TAG, value: zoneTag(args.prefix, args.impairedZone) }],
  };
  const disrupt: Action = {
    name: "disrupt-zone", actionId: "aws:network:disrupt-connectivity",
    parameters: [duration, { key: "scope", value: "all" }], target: { key: "Subnets", value: "impaired-zone" },
  };
  const webInstance: Target = {
    name: "web-instance", resourceType: "aws:ec2:instance", selectionMode: "COUNT(1)",
    resourceTags: [{ key: "aws:autoscaling:groupName", value: args.webGroupName }],
    filters: [{ path: "State.Name", values: ["running"] }],
  };
  const terminate: Action = { name: "terminate-instance", actionId: "aws:ec2:terminate-instances", target: { key: "Instances", value: "web-instance" } };

  return {
    ordersDbNodeLoss: template("orders-db-node-loss", "fis:node-loss", "orders-db: fail the Aurora writer over to the reader in another zone", [failover], [cluster]),
    sessionsCacheZoneLoss: template("sessions-cache-zone-loss", "fis:zone-loss", `sessions-cache: cut power to its nodes in ${args.impairedZone}`, [powerCut], [cache]),
    webNodeLoss: template("web-node-loss", "fis:node-loss", "web: terminate one running instance of the storefront's Auto Scaling group", [terminate], [webInstance]),
    // A zone's loss as the storefront meets it: the zone's subnets go dark, and the
    // managed services react as they would to a real zone failure. Aurora's own
    // health checks do not see customer network ACLs, so its failover is part of
    // the experiment; without it the writer would stay, unreachable, in the lost zone.
    webZoneLoss: template("web-zone-loss", "fis:zone-loss", `web: lose ${args.impairedZone} (its subnets cut off, the writer failed over, the cache's nodes there powered off)`,
      [disrupt, failover, powerCut], [zoneSubnets, cluster, cache]),
  };
}
