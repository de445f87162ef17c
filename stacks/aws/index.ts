// The AWS reference system: `web` (an ALB and an Auto Scaling group across
// zones, behind Route 53 failover) depends hard on `orders-db` (Aurora
// PostgreSQL, writer and reader in different zones) and `sessions-cache`
// (ElastiCache with automatic failover and Multi-AZ). Each hazard has a FIS
// experiment template, stopped by CloudWatch alarms, run by a role that may
// touch only this stack's targets. Deploy with `pulumi up --stack aws`.
import * as pulumi from "@pulumi/pulumi";
import { declarePlan } from "../lib/index.ts";
import { stopAlarms } from "./alarms.ts";
import { RedisReplicationGroup } from "./cache.ts";
import { readAwsConfig } from "./config.ts";
import { AuroraPostgres } from "./database.ts";
import { DnsFailover } from "./dns-failover.ts";
import { InternalNames } from "./dns-internal.ts";
import { experiments } from "./fis.ts";
import { fisRole } from "./fis-role.ts";
import { MultiAzNetwork } from "./network.ts";
import { securityGroups } from "./security.ts";
import { ordersDbService, sessionsCacheService, webService } from "./services.ts";
import { WebTier } from "./web.ts";

const cfg = readAwsConfig();
const { prefix, zones } = cfg;

const network = new MultiAzNetwork("network", { prefix, cidr: cfg.network.cidr, zones });
const privateSubnetIds = network.privateSubnets.map((s) => s.id);
const groups = securityGroups(prefix, network.vpc.id, cfg.web.port, { parent: network });
const names = new InternalNames(cfg.dns.internalZone, network.vpc.id, { parent: network });

const db = new AuroraPostgres("orders-db-cluster", {
  prefix, zones, ...cfg.ordersDb, subnetIds: privateSubnetIds, securityGroupIds: [groups.db.id],
});
const dbWriter = names.cname("orders-db", db.cluster.endpoint);
const dbReader = names.cname("orders-db-ro", db.cluster.readerEndpoint);
const dbInstances = db.instances.map((instance, i) => ({
  id: `${prefix}-orders-db-${zones[i]}`,
  address: pulumi.interpolate`${names.cname(`orders-db-${zones[i]}`, instance.endpoint)}:5432`,
}));
// The password comes from PGPASSWORD (the RDS-managed secret), never from the plan.
// read-write: a connection that lands on a demoted writer (stale DNS) is refused, not used.
const pgUrl = (host: pulumi.Output<string>, attrs = "read-write") =>
  pulumi.interpolate`postgres://${db.cluster.masterUsername}@${host}:5432/${cfg.ordersDb.database}?sslmode=require&target_session_attrs=${attrs}`;

const cache = new RedisReplicationGroup("sessions-cache-group", {
  prefix, zones, ...cfg.sessionsCache, subnetIds: privateSubnetIds, securityGroupIds: [groups.cache.id],
});
const cachePrimary = names.cname("sessions-cache", cache.group.primaryEndpointAddress);
const cacheReader = names.cname("sessions-cache-ro", cache.group.readerEndpointAddress);

const web = new WebTier("web-tier", {
  prefix, ...cfg.web, vpcId: network.vpc.id,
  publicSubnetIds: network.publicSubnets.map((s) => s.id), privateSubnetIds,
  albSecurityGroupId: groups.alb.id, webSecurityGroupId: groups.web.id,
  environment: { ORDERS_DB_URL: pgUrl(dbWriter), SESSIONS_URL: pulumi.interpolate`rediss://${cachePrimary}:6379` },
});
const dns = new DnsFailover("storefront-dns", { domain: cfg.dns.domain, zoneId: cfg.dns.zoneId, alb: web.alb });

const alarms = stopAlarms({ prefix, albArnSuffix: web.alb.arnSuffix, targetGroupArnSuffix: web.targets.arnSuffix, toleranceMinutes: 3 }, { parent: web });
const impairedSubnetIds = [...network.publicSubnets, ...network.privateSubnets]
  .filter((_, i) => zones[i % zones.length] === cfg.impairedZone)
  .map((s) => s.id);
const fis = fisRole(prefix, {
  region: cfg.region, clusterIdentifier: db.clusterIdentifier, replicationGroupId: cache.replicationGroupId,
  cacheMemberIds: cache.memberIds, webGroupName: web.groupName, vpcId: network.vpc.id, impairedSubnetIds,
}, {});
const templates = experiments({
  prefix, impairedZone: cfg.impairedZone, faultDuration: cfg.fis.faultDuration, webGroupName: web.groupName,
  roleArn: fis.role.arn, stopAlarmArns: alarms.map((a) => a.arn),
}, { dependsOn: [fis.policy, db, cache, web] });

const ordersDb = ordersDbService({
  url: pgUrl(dbWriter), readerUrl: pgUrl(dbReader, "any"), instances: dbInstances,
  nodeLoss: templates.ordersDbNodeLoss.id, infra: [db, templates.ordersDbNodeLoss],
});
const sessionsCache = sessionsCacheService({
  url: pulumi.interpolate`rediss://${cachePrimary}:6379`, readerUrl: pulumi.interpolate`rediss://${cacheReader}:6379`,
  primary: cache.memberIds[0]!, replicas: cache.memberIds.slice(1),
  endpoints: { primary: pulumi.interpolate`${cachePrimary}:6379`, reader: pulumi.interpolate`${cacheReader}:6379` },
  zoneLoss: templates.sessionsCacheZoneLoss.id, infra: [cache, templates.sessionsCacheZoneLoss],
});
const webSvc = webService({
  url: dns.url, zones, nodeLoss: templates.webNodeLoss.id, zoneLoss: templates.webZoneLoss.id,
  infra: [web, dns, templates.webNodeLoss, templates.webZoneLoss],
}, ordersDb, sessionsCache);

export const plan = declarePlan([ordersDb, sessionsCache, webSvc], { target: "aws", region: cfg.region });
