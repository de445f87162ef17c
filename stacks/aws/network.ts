// The VPC: a public and a private subnet in every zone, and a NAT gateway per
// zone, so losing one zone never takes the others' way out with it (a single
// shared NAT would make every zone depend on one). Subnets carry a per-zone tag
// the zone-loss experiment selects them by.
import { inputError } from "../../core/errors.ts";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface MultiAzNetworkArgs {
  readonly prefix: string;
  /** A /16; each subnet gets a /20 of it. */
  readonly cidr: string;
  readonly zones: readonly string[];
}

export const MULTI_AZ_NETWORK_TYPE = "continuity-drill:aws:MultiAzNetwork";
export const ZONE_TAG = "continuity-drill:zone";
export const zoneTag = (prefix: string, zone: string) => `${prefix}:${zone}`;

/** The n-th /20 of a /16 ("10.40.0.0/16", 9 → "10.40.144.0/20"). */
export function subnetCidr(cidr: string, n: number): string {
  const m = /^(\d+)\.(\d+)\.0\.0\/16$/.exec(cidr);
  if (!m) throw inputError(`network cidr "${cidr}" must be a /16 such as 10.40.0.0/16`);
  if (n < 0 || n > 15) throw inputError(`subnet ${n} does not fit in ${cidr} (16 /20s)`);
  return `${m[1]}.${m[2]}.${n * 16}.0/20`;
}

export class MultiAzNetwork extends pulumi.ComponentResource {
  public readonly vpc: aws.ec2.Vpc;
  public readonly publicSubnets: aws.ec2.Subnet[];
  public readonly privateSubnets: aws.ec2.Subnet[];

  constructor(name: string, args: MultiAzNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    if (args.zones.length < 2) throw inputError(`MultiAzNetwork "${name}": zones needs at least two (got ${args.zones.length})`);
    if (args.zones.length > 8) throw inputError(`MultiAzNetwork "${name}": at most 8 zones fit the /20 layout`);
    super(MULTI_AZ_NETWORK_TYPE, name, args, opts);
    const parent = { parent: this };
    const tags = (extra: Record<string, string>) => ({ "continuity-drill:stack": args.prefix, ...extra });
    this.vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: args.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: tags({ Name: `${args.prefix}-vpc` }) }, parent);
    const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: this.vpc.id, tags: tags({ Name: `${args.prefix}-igw` }) }, parent);
    const publicRoutes = new aws.ec2.RouteTable(`${name}-public`, {
      vpcId: this.vpc.id,
      routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
      tags: tags({ Name: `${args.prefix}-public` }),
    }, parent);

    this.publicSubnets = [];
    this.privateSubnets = [];
    args.zones.forEach((zone, i) => {
      const zoneTags = (tier: string) => tags({ Name: `${args.prefix}-${tier}-${zone}`, [ZONE_TAG]: zoneTag(args.prefix, zone), tier });
      const pub = new aws.ec2.Subnet(`${name}-public-${zone}`, {
        vpcId: this.vpc.id, availabilityZone: zone, cidrBlock: subnetCidr(args.cidr, i), mapPublicIpOnLaunch: false, tags: zoneTags("public"),
      }, parent);
      new aws.ec2.RouteTableAssociation(`${name}-public-${zone}`, { subnetId: pub.id, routeTableId: publicRoutes.id }, parent);
      const eip = new aws.ec2.Eip(`${name}-nat-${zone}`, { domain: "vpc", tags: tags({ Name: `${args.prefix}-nat-${zone}` }) }, parent);
      const nat = new aws.ec2.NatGateway(`${name}-nat-${zone}`, { subnetId: pub.id, allocationId: eip.id, tags: tags({ Name: `${args.prefix}-nat-${zone}` }) }, { parent: this, dependsOn: [igw] });

      const priv = new aws.ec2.Subnet(`${name}-private-${zone}`, {
        vpcId: this.vpc.id, availabilityZone: zone, cidrBlock: subnetCidr(args.cidr, 8 + i), tags: zoneTags("private"),
      }, parent);
      const privateRoutes = new aws.ec2.RouteTable(`${name}-private-${zone}`, {
        vpcId: this.vpc.id,
        routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
        tags: tags({ Name: `${args.prefix}-private-${zone}` }),
      }, parent);
      new aws.ec2.RouteTableAssociation(`${name}-private-${zone}`, { subnetId: priv.id, routeTableId: privateRoutes.id }, parent);
      this.publicSubnets.push(pub);
      this.privateSubnets.push(priv);
    });
    this.registerOutputs({ vpcId: this.vpc.id });
  }
}
