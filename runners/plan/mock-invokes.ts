// Answers to provider functions (invokes) under mocks, shaped as the AWS
// provider's. Anything not listed here gets its own arguments back (Pulumi's
// documented mock default), which docs/mock-evaluation.md says.
import { MOCK_ACCOUNT, hex } from "./mocks.ts";
import { policyDocument } from "./mock-policy-document.ts";

type Args = Record<string, unknown>;
type Answer = (args: Args, region: string) => Record<string, unknown>;

const ZONES = ["a", "b", "c"];
/** eu-west-1 → euw1, ap-southeast-2 → apse2, as AWS abbreviates zone ids. */
const zoneIdPrefix = (region: string) => {
  const [area = "", direction = "", n = ""] = region.split("-");
  return `${area}${direction.replace("north", "n").replace("south", "s").replace("east", "e").replace("west", "w").replace("central", "c")}${n}`;
};
const subnetIds = (seed: string) => ZONES.map((z) => `subnet-${hex(seed + z, 17)}`);

const ANSWERS: Record<string, Answer> = {
  /** Three zones, <region>a..c, with zone ids <abbr>-az1..3, all "available". */
  "aws:index/getAvailabilityZones:getAvailabilityZones": (_, region) => ({
    id: region,
    names: ZONES.map((z) => `${region}${z}`),
    zoneIds: ZONES.map((_z, i) => `${zoneIdPrefix(region)}-az${i + 1}`),
    groupNames: [region],
    state: "available",
  }),
  /** The mock account 123456789012, as a user called "drill". */
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({
    id: MOCK_ACCOUNT,
    accountId: MOCK_ACCOUNT,
    arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/drill`,
    userId: "AIDAMOCKDRILLUSER0000",
  }),
  /** The configured aws:region (default us-east-1). */
  "aws:index/getRegion:getRegion": (args, region) => {
    const name = typeof args.name === "string" ? args.name : region;
    return { id: name, name, region: name, description: name, endpoint: `ec2.${name}.amazonaws.com` };
  },
  /** The commercial partition. */
  "aws:index/getPartition:getPartition": () => ({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" }),
  /** The policy JSON computed from the statements, as the provider renders it. */
  "aws:iam/getPolicyDocument:getPolicyDocument": (args) => {
    const doc = policyDocument(args);
    return { id: hex(JSON.stringify(doc), 10), json: JSON.stringify(doc, null, 2), minifiedJson: JSON.stringify(doc) };
  },
  /** A default VPC, 10.0.0.0/16 (or the id asked for). */
  "aws:ec2/getVpc:getVpc": (args) => {
    const id = typeof args.id === "string" ? args.id : `vpc-${hex("default", 17)}`;
    return { id, arn: `arn:aws:ec2:::vpc/${id}`, cidrBlock: "10.0.0.0/16", default: args.default ?? true, state: "available", ownerId: MOCK_ACCOUNT };
  },
  /** Three subnets, one per zone, whatever the filters. */
  "aws:ec2/getSubnets:getSubnets": (args, region) => ({ id: region, ids: subnetIds(JSON.stringify(args.filters ?? args.tags ?? "")) }),
  "aws:ec2/getSubnetIds:getSubnetIds": (args, region) => ({ id: region, vpcId: args.vpcId, ids: subnetIds(String(args.vpcId ?? "")) }),
  /** One subnet in zone a, 10.0.1.0/24. */
  "aws:ec2/getSubnet:getSubnet": (args, region) => {
    const id = typeof args.id === "string" ? args.id : `subnet-${hex(JSON.stringify(args), 17)}`;
    return { id, arn: `arn:aws:ec2:${region}:${MOCK_ACCOUNT}:subnet/${id}`, availabilityZone: `${region}a`, cidrBlock: "10.0.1.0/24", vpcId: `vpc-${hex("default", 17)}` };
  },
  /** An AMI id (the image itself is not looked up). */
  "aws:ec2/getAmi:getAmi": (args, region) => ({ id: `ami-${hex(JSON.stringify(args.filters ?? ""), 17)}`, imageId: `ami-${hex(JSON.stringify(args.filters ?? ""), 17)}`, architecture: "x86_64", name: `mock-${region}` }),
  /**
   * An SSM parameter. AWS's public ECS-optimized AMI parameters (…/recommended)
   * hold a JSON document with image_id, which awsx classic parses; any other
   * parameter a recognisable placeholder string.
   */
  "aws:ssm/getParameter:getParameter": (args, region) => {
    const name = String(args.name ?? "");
    const ami = `ami-${hex(name, 17)}`;
    const value = /\/recommended$/.test(name)
      ? JSON.stringify({ image_id: ami, image_name: `mock-ecs-optimized-${region}`, os: "Amazon Linux 2" })
      : /\/image_id$/.test(name) ? ami : `mock-parameter-${hex(name, 8)}`;
    return { id: name, name, arn: `arn:aws:ssm:${region}:${MOCK_ACCOUNT}:parameter${name.startsWith("/") ? "" : "/"}${name}`, type: "String", value, insecureValue: value, version: 1 };
  },
};

/** The provider-shaped answer to `token`, or undefined for "echo the arguments". */
export function invokeAnswer(token: string, args: Args, region: string): Record<string, unknown> | undefined {
  const answer = ANSWERS[token];
  return answer ? { ...args, ...answer(args, region) } : undefined;
}

export const ANSWERED_INVOKES = Object.keys(ANSWERS);
