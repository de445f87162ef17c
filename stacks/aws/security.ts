// Who may talk to whom. The database and the cache accept only the web tier and
// the drill runner: attach the `runner` group to the host that runs `drill`, so
// its probes and ledgers reach orders-db and sessions-cache like the app does.
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

export interface SecurityGroups {
  alb: aws.ec2.SecurityGroup;
  web: aws.ec2.SecurityGroup;
  db: aws.ec2.SecurityGroup;
  cache: aws.ec2.SecurityGroup;
  runner: aws.ec2.SecurityGroup;
}

const ALL_OUT = [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }];

export function securityGroups(prefix: string, vpcId: pulumi.Input<string>, webPort: number, opts: pulumi.CustomResourceOptions): SecurityGroups {
  const group = (name: string, description: string, ingress: aws.types.input.ec2.SecurityGroupIngress[]) =>
    new aws.ec2.SecurityGroup(`${prefix}-${name}`, { vpcId, description, ingress, egress: ALL_OUT, tags: { Name: `${prefix}-${name}` } }, opts);
  const alb = group("alb", "storefront load balancer: HTTP(S) from anywhere", [
    { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] },
    { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
  ]);
  const runner = group("runner", "continuity-drill runner: probes and ledgers", []);
  const web = group("web", "storefront instances: only from the load balancer", [
    { protocol: "tcp", fromPort: webPort, toPort: webPort, securityGroups: [alb.id] },
  ]);
  const fromClients = (port: number) => [{ protocol: "tcp", fromPort: port, toPort: port, securityGroups: [web.id, runner.id] }];
  const db = group("db", "orders-db: PostgreSQL from web and the drill runner", fromClients(5432));
  const cache = group("cache", "sessions-cache: Redis from web and the drill runner", fromClients(6379));
  return { alb, web, db, cache, runner };
}
