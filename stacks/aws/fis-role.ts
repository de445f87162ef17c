// The IAM role FIS assumes to run this stack's experiments, allowed to hurt
// exactly this stack's targets: its cluster, its replication group, instances
// of its web group, the subnets of the impaired zone. Only read-only calls
// that IAM cannot scope to a resource (Describe*, tag:GetResources) get "*".
// ARNs name the region and the resource; the account is left as "*" because
// the role can only ever act within its own account anyway.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface FisScope {
  readonly region: string;
  readonly clusterIdentifier: string;
  readonly replicationGroupId: string;
  readonly cacheMemberIds: readonly string[];
  readonly webGroupName: string;
  readonly vpcId: pulumi.Input<string>;
  readonly impairedSubnetIds: readonly pulumi.Input<string>[];
}

type Statement = { Sid: string; Effect: "Allow"; Action: string[]; Resource: pulumi.Input<string>[]; Condition?: Record<string, Record<string, string>> };

export function fisPolicyStatements(s: FisScope): Statement[] {
  const arn = (service: string, resource: string) => `arn:aws:${service}:${s.region}:*:${resource}`;
  const ec2 = (resource: pulumi.Input<string>) => pulumi.interpolate`arn:aws:ec2:${s.region}:*:${resource}`;
  return [
    { Sid: "FailoverOrdersDb", Effect: "Allow", Action: ["rds:FailoverDBCluster", "rds:DescribeDBClusters"], Resource: [arn("rds", `cluster:${s.clusterIdentifier}`)] },
    {
      Sid: "InterruptSessionsCacheZonePower", Effect: "Allow",
      Action: ["elasticache:InterruptClusterAzPower", "elasticache:DescribeReplicationGroups"],
      Resource: [arn("elasticache", `replicationgroup:${s.replicationGroupId}`), ...s.cacheMemberIds.map((id) => arn("elasticache", `cluster:${id}`))],
    },
    {
      Sid: "TerminateWebInstances", Effect: "Allow", Action: ["ec2:TerminateInstances"], Resource: [arn("ec2", "instance/*")],
      Condition: { StringEquals: { "aws:ResourceTag/aws:autoscaling:groupName": s.webGroupName } },
    },
    {
      Sid: "CreateDisruptionAcl", Effect: "Allow", Action: ["ec2:CreateNetworkAcl"], Resource: [ec2(pulumi.interpolate`vpc/${s.vpcId}`), arn("ec2", "network-acl/*")],
    },
    { Sid: "TagDisruptionAcl", Effect: "Allow", Action: ["ec2:CreateTags"], Resource: [arn("ec2", "network-acl/*")] },
    {
      Sid: "ManageDisruptionAcl", Effect: "Allow", Action: ["ec2:CreateNetworkAclEntry", "ec2:DeleteNetworkAcl"], Resource: [arn("ec2", "network-acl/*")],
      // FIS tags the ACLs it creates; no other ACL of the account can be changed or deleted.
      Condition: { StringEquals: { "aws:ResourceTag/managedByFIS": "true" } },
    },
    {
      Sid: "SwapImpairedZoneAcls", Effect: "Allow", Action: ["ec2:ReplaceNetworkAclAssociation"],
      Resource: [arn("ec2", "network-acl/*"), ...s.impairedSubnetIds.map((id) => ec2(pulumi.interpolate`subnet/${id}`))],
    },
    {
      Sid: "ReadOnlyUnscopable", Effect: "Allow", Resource: ["*"],
      Action: ["ec2:DescribeInstances", "ec2:DescribeNetworkAcls", "ec2:DescribeSubnets", "ec2:DescribeVpcs", "ec2:DescribeManagedPrefixLists", "ec2:GetManagedPrefixListEntries", "tag:GetResources"],
    },
  ];
}

/** The role, and its policy: experiments must wait for the policy, or their first start is denied. */
export function fisRole(prefix: string, scope: FisScope, opts: pulumi.CustomResourceOptions): { role: aws.iam.Role; policy: aws.iam.RolePolicy } {
  const role = new aws.iam.Role(`${prefix}-fis`, {
    name: `${prefix}-fis`,
    description: "continuity-drill: FIS runs this stack's experiments as this role",
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "fis.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
  }, opts);
  const policy = new aws.iam.RolePolicy(`${prefix}-fis-targets`, {
    role: role.name,
    policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: fisPolicyStatements(scope) }),
  }, opts);
  return { role, policy };
}
