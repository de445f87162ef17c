// Stable names inside the VPC for what clients of orders-db and sessions-cache
// connect to. The plan's endpoints use these names, not the generated AWS
// hostnames: they survive a cluster's replacement, they are known before the
// stack is deployed (so `drill plan` shows real endpoints without a cloud), and
// the CNAMEs follow AWS's own endpoints, which move on failover.
import { inputError } from "../../core/errors.ts";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Aurora's and ElastiCache's own endpoints use a 5 s TTL; a longer one would delay failover. */
export const INTERNAL_TTL = 5;

export class InternalNames {
  public readonly zone: aws.route53.Zone;
  private readonly records = new Map<string, aws.route53.Record>();

  constructor(
    private readonly zoneName: string,
    vpcId: pulumi.Input<string>,
    private readonly opts: pulumi.CustomResourceOptions,
  ) {
    this.zone = new aws.route53.Zone(`internal-${zoneName}`, {
      name: zoneName,
      comment: "continuity-drill: stable names for orders-db and sessions-cache",
      vpcs: [{ vpcId }],
    }, opts);
  }

  /** `label.<zone>` as a CNAME to `target`; returns the name as an Output tied to the record. */
  cname(label: string, target: pulumi.Input<string>): pulumi.Output<string> {
    if (this.records.has(label)) throw inputError(`internal name "${label}" declared twice`);
    const record = new aws.route53.Record(`internal-${label}`, {
      zoneId: this.zone.zoneId,
      name: `${label}.${this.zoneName}`,
      type: "CNAME",
      ttl: INTERNAL_TTL,
      records: [target],
    }, this.opts);
    this.records.set(label, record);
    return record.name;
  }
}
