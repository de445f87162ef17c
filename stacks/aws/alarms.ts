// CloudWatch alarms that stop every FIS experiment of the stack. A drill may
// hurt the storefront for about as long as the drill observes it (3 × web's
// 1 min RTO); beyond that it is no longer an exercise but an outage, and FIS
// must stop the fault whatever the runner is doing.
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

export interface StopAlarmsArgs {
  readonly prefix: string;
  readonly albArnSuffix: pulumi.Input<string>;
  readonly targetGroupArnSuffix: pulumi.Input<string>;
  /** Minutes of sustained harm before the experiment is stopped. */
  readonly toleranceMinutes: number;
}

export function stopAlarms(args: StopAlarmsArgs, opts: pulumi.CustomResourceOptions): aws.cloudwatch.MetricAlarm[] {
  const common = {
    namespace: "AWS/ApplicationELB",
    period: 60,
    evaluationPeriods: args.toleranceMinutes,
    datapointsToAlarm: args.toleranceMinutes,
  };
  const noHealthyHosts = new aws.cloudwatch.MetricAlarm(`${args.prefix}-stop-no-healthy-web`, {
    ...common,
    name: `${args.prefix}-stop-no-healthy-web`,
    alarmDescription: "continuity-drill stop condition: the storefront has had no healthy instance for too long",
    metricName: "HealthyHostCount",
    dimensions: { LoadBalancer: args.albArnSuffix, TargetGroup: args.targetGroupArnSuffix },
    statistic: "Minimum",
    comparisonOperator: "LessThanThreshold",
    threshold: 1,
    // No data means no healthy host reported: treat it as the harm it is.
    treatMissingData: "breaching",
  }, opts);
  const errors = new aws.cloudwatch.MetricAlarm(`${args.prefix}-stop-web-5xx`, {
    ...common,
    name: `${args.prefix}-stop-web-5xx`,
    alarmDescription: "continuity-drill stop condition: the load balancer has answered 5xx at a high rate for too long",
    metricName: "HTTPCode_ELB_5XX_Count",
    dimensions: { LoadBalancer: args.albArnSuffix },
    statistic: "Sum",
    comparisonOperator: "GreaterThanThreshold",
    threshold: 600,
    treatMissingData: "notBreaching",
  }, opts);
  return [noHealthyHosts, errors];
}
