// web on AWS: an Application Load Balancer in every zone's public subnet in
// front of an Auto Scaling group spread over every zone's private subnet. The
// target group's health checks take a dead instance out within seconds; the
// group uses ELB health to replace it. The instances run your storefront image
// (config web.imageId) listening on web.port and answering /healthz.
import { inputError } from "../../core/errors.ts";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface WebTierArgs {
  readonly prefix: string;
  readonly vpcId: pulumi.Input<string>;
  readonly publicSubnetIds: pulumi.Input<string>[];
  readonly privateSubnetIds: pulumi.Input<string>[];
  readonly albSecurityGroupId: pulumi.Input<string>;
  readonly webSecurityGroupId: pulumi.Input<string>;
  readonly instanceType: string;
  readonly imageId: string;
  readonly port: number;
  readonly minSize: number;
  readonly maxSize: number;
  /** Environment for the storefront: where orders-db and sessions-cache are. */
  readonly environment: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export const WEB_TIER_TYPE = "continuity-drill:aws:WebTier";

/** Instances read their dependencies from /etc/storefront.env and start storefront.service. */
export function userData(env: Record<string, string>): string {
  const lines = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const script = ["#!/bin/bash", "set -euo pipefail", "cat > /etc/storefront.env <<'EOF'", ...lines, "EOF", "systemctl enable --now storefront.service"].join("\n");
  return Buffer.from(`${script}\n`).toString("base64");
}

export class WebTier extends pulumi.ComponentResource {
  public readonly alb: aws.lb.LoadBalancer;
  public readonly targets: aws.lb.TargetGroup;
  public readonly group: aws.autoscaling.Group;
  public readonly groupName: string;

  constructor(name: string, args: WebTierArgs, opts?: pulumi.ComponentResourceOptions) {
    if (args.privateSubnetIds.length < 2) throw inputError(`WebTier "${name}": privateSubnetIds needs subnets in at least two zones`);
    super(WEB_TIER_TYPE, name, { minSize: args.minSize, maxSize: args.maxSize }, opts);
    const parent = { parent: this };
    this.groupName = `${args.prefix}-web`;
    this.alb = new aws.lb.LoadBalancer(`${name}-alb`, {
      name: `${args.prefix}-web`, loadBalancerType: "application", internal: false,
      subnets: args.publicSubnetIds, securityGroups: [args.albSecurityGroupId],
    }, parent);
    this.targets = new aws.lb.TargetGroup(`${name}-targets`, {
      name: `${args.prefix}-web`, port: args.port, protocol: "HTTP", vpcId: args.vpcId,
      // 2 × 5 s to take a dead instance out; 20 s draining so in-flight requests finish.
      healthCheck: { path: "/healthz", interval: 5, timeout: 3, healthyThreshold: 2, unhealthyThreshold: 2, matcher: "200" },
      deregistrationDelay: 20,
    }, parent);
    new aws.lb.Listener(`${name}-http`, {
      loadBalancerArn: this.alb.arn, port: 80, protocol: "HTTP",
      defaultActions: [{ type: "forward", targetGroupArn: this.targets.arn }],
    }, parent);
    const template = new aws.ec2.LaunchTemplate(`${name}-template`, {
      namePrefix: `${args.prefix}-web-`,
      imageId: args.imageId,
      instanceType: args.instanceType,
      vpcSecurityGroupIds: [args.webSecurityGroupId],
      metadataOptions: { httpTokens: "required" },
      userData: pulumi.output(args.environment).apply((env) => userData(env as Record<string, string>)),
    }, parent);
    this.group = new aws.autoscaling.Group(`${name}-group`, {
      name: this.groupName,
      vpcZoneIdentifiers: args.privateSubnetIds,
      minSize: args.minSize, maxSize: args.maxSize, desiredCapacity: args.minSize,
      healthCheckType: "ELB", healthCheckGracePeriod: 60,
      targetGroupArns: [this.targets.arn],
      launchTemplate: { id: template.id, version: "$Latest" },
      capacityRebalance: true,
      tags: [{ key: "Name", value: `${args.prefix}-web`, propagateAtLaunch: true }],
    }, parent);
    this.registerOutputs({ groupName: this.groupName });
  }
}
