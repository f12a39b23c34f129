import type { CostLineItem } from '../../model/assessment';
import type { PriceBook } from '../../prices/types';
import { tiered } from '../capacity';
import { MONTH_HOURS } from '../constants';
import type { SizedWorkload } from '../types';
import { push, q } from './lines';
import type { ScenarioValues } from './scenario';

/**
 * The front door's monthly cost, when one is stated: API Gateway REST or HTTP API per request
 * (volume tiers), or an ALB (hourly + LCU-hours, estimating LCUs from new connections at one per
 * request and 25 per second per LCU). Platforms with built-in HTTPS ingress (Cloud Run, Container
 * Apps, Azure Functions, Workers) never get one: sizing drops it for them.
 */
export function frontDoorCost(
  w: SizedWorkload,
  pb: PriceBook,
  s: ScenarioValues,
): number {
  const frontDoor = w.frontDoor;
  if (frontDoor === 'none') return 0;
  if (frontDoor === 'api-gateway-rest') {
    const t = pb.rates.apiGatewayRest.tiers;
    return tiered(s.requests, t.sizes, t.prices);
  }
  if (frontDoor === 'api-gateway-http') {
    const t = pb.rates.apiGatewayHttp.tiers;
    return tiered(s.requests, t.sizes, t.prices);
  }
  const r = pb.rates.alb;
  return MONTH_HOURS * r.hour + albLcuHours(pb, s.averageRps) * r.lcuHour;
}

/** LCU-hours of an ALB a month: one new connection per request, so many per second per LCU. */
function albLcuHours(pb: PriceBook, averageRps: number): number {
  const r = pb.rates.alb;
  return r.newConnectionsPerLcu > 0
    ? (averageRps / r.newConnectionsPerLcu) * MONTH_HOURS
    : 0;
}

/** The breakdown line of the front door priced by {@link frontDoorCost} at `cost`; none without one. */
export function frontDoorLines(
  w: SizedWorkload,
  pb: PriceBook,
  s: ScenarioValues,
  cost: number,
): CostLineItem[] {
  const lines: CostLineItem[] = [];
  const requests = s.requests;
  if (w.frontDoor === 'api-gateway-rest') {
    push(
      lines,
      'front-door',
      'API Gateway REST',
      cost,
      `${q(requests)} req × ${pb.unitText('aws-apigateway-rest.request.tier1')} (first 333M; ${pb.unitText('aws-apigateway-rest.request.tier2')} next 667M, ${pb.unitText('aws-apigateway-rest.request.tier3')} next 19B, ${pb.unitText('aws-apigateway-rest.request.tier4')} beyond) = ${pb.money(cost)}`,
    );
  } else if (w.frontDoor === 'api-gateway-http') {
    push(
      lines,
      'front-door',
      'API Gateway HTTP API',
      cost,
      `${q(requests)} req × ${pb.unitText('aws-apigateway-http.request.tier1')} (first 300M; ${pb.unitText('aws-apigateway-http.request.tier2')} beyond) = ${pb.money(cost)}`,
    );
  } else if (w.frontDoor === 'alb') {
    const r = pb.rates.alb;
    const averageRps = s.averageRps;
    const lcuHours = albLcuHours(pb, averageRps);
    push(
      lines,
      'front-door',
      'Application Load Balancer',
      cost,
      `730 h × ${pb.unitText('aws-alb.hour')} + ${q(averageRps)} new conn/s ÷ ${q(r.newConnectionsPerLcu)} per LCU × 730 h = ${q(lcuHours)} LCU-h × ${pb.unitText('aws-alb.lcu-hour')} = ${pb.money(cost)}`,
    );
  }
  return lines;
}
