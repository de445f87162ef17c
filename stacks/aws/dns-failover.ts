// The storefront's public name with Route 53 failover: PRIMARY is the load
// balancer, guarded by a health check on /healthz; when it fails, SECONDARY
// serves a static maintenance page from S3, so customers get an honest
// "back soon" instead of a timeout. The bucket must be named like the domain
// for S3 website hosting; only the page itself is readable.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface DnsFailoverArgs {
  readonly domain: string;
  readonly zoneId: string;
  readonly alb: aws.lb.LoadBalancer;
}

export const DNS_FAILOVER_TYPE = "continuity-drill:aws:DnsFailover";
const PAGE = "maintenance.html";

export class DnsFailover extends pulumi.ComponentResource {
  public readonly healthCheck: aws.route53.HealthCheck;
  /** The storefront's URL, tied to the PRIMARY record. */
  public readonly url: pulumi.Output<string>;

  constructor(name: string, args: DnsFailoverArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DNS_FAILOVER_TYPE, name, { domain: args.domain }, opts);
    const parent = { parent: this };
    // 3 failures × 10 s: Route 53 flips to the maintenance page within ~30 s of a full outage.
    this.healthCheck = new aws.route53.HealthCheck(`${name}-health`, {
      type: "HTTP", fqdn: args.alb.dnsName, port: 80, resourcePath: "/healthz",
      failureThreshold: 3, requestInterval: 10, tags: { Name: `${args.domain} storefront` },
    }, parent);
    const primary = new aws.route53.Record(`${name}-primary`, {
      zoneId: args.zoneId, name: args.domain, type: "A", setIdentifier: "primary",
      failoverRoutingPolicies: [{ type: "PRIMARY" }],
      healthCheckId: this.healthCheck.id,
      aliases: [{ name: args.alb.dnsName, zoneId: args.alb.zoneId, evaluateTargetHealth: true }],
    }, parent);

    const bucket = new aws.s3.Bucket(`${name}-maintenance`, { bucket: args.domain, forceDestroy: true }, parent);
    const site = new aws.s3.BucketWebsiteConfiguration(`${name}-maintenance`, { bucket: bucket.id, indexDocument: { suffix: PAGE } }, parent);
    new aws.s3.BucketObjectv2(`${name}-maintenance-page`, {
      bucket: bucket.id, key: PAGE, contentType: "text/html",
      content: "<!doctype html><title>Back soon</title><h1>We are restoring service</h1><p>Your orders are safe. Please try again in a few minutes.</p>\n",
    }, parent);
    const access = new aws.s3.BucketPublicAccessBlock(`${name}-maintenance`, { bucket: bucket.id, blockPublicPolicy: false, restrictPublicBuckets: false, blockPublicAcls: true, ignorePublicAcls: true }, parent);
    new aws.s3.BucketPolicy(`${name}-maintenance`, {
      bucket: bucket.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${args.domain}/${PAGE}` }],
      }),
    }, { parent: this, dependsOn: [access] });
    new aws.route53.Record(`${name}-secondary`, {
      zoneId: args.zoneId, name: args.domain, type: "A", setIdentifier: "maintenance",
      failoverRoutingPolicies: [{ type: "SECONDARY" }],
      aliases: [{ name: site.websiteDomain, zoneId: bucket.hostedZoneId, evaluateTargetHealth: false }],
    }, parent);
    this.url = pulumi.interpolate`http://${primary.name}`;
    this.registerOutputs({ url: this.url });
  }
}
