/*
 * vpcflow.h — VPC (and Transit Gateway) flow log records.
 *
 * A record is one line of space-separated values. Without a header its
 * layout is the version 2 default:
 *
 *   version account-id interface-id srcaddr dstaddr srcport dstport
 *   protocol packets bytes start end action log-status
 *
 * A header line of field names (as S3 delivery writes, and as custom
 * formats require) names the layout of the lines after it; a later header
 * changes it. Field names follow docs/language.md#inputs: the version 2
 * names are version, accountId, interfaceId, srcAddr, dstAddr, srcPort,
 * dstPort, protocol, packets, bytes, start, end, action, logStatus; any
 * other header name is turned from kebab-case into camelCase
 * (pkt-srcaddr -> pktSrcaddr, tgw-src-vpc-id -> tgwSrcVpcId). "-" is a
 * missing value. version, srcport, dstport, protocol, packets, bytes, start,
 * end, tcp-flags, traffic-path and packets-lost-* are integers; everything
 * else (account IDs included: they may start with 0) is text. @timestamp is
 * start (seconds); a record without one takes the previous record's time.
 *
 * vpc_parse() (parser.h) reads such a file.
 */
#ifndef TRAILQ_VPCFLOW_H
#define TRAILQ_VPCFLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parsers/plan.h"
#include "index/record.h"

/* Does line[0..n) have the exact shape of a version 2 default record (14
 * fields, version 2, an eni- interface, ACCEPT/REJECT, OK/NODATA/SKIPDATA,
 * numbers where numbers belong, "-" allowed for missing values)? */
bool vpc_is_default_record(const char *line, size_t n);

/* Is line[0..n) a header line naming flow log fields? */
bool vpc_is_header(const char *line, size_t n);

/* If line[0..n) is a version 2 default record, add its fields to the open
 * record of b (as the plan wants them), set *start_ms to its start time
 * (TS_NONE if missing) and return true; otherwise add nothing and return
 * false. Used for flow records delivered through CloudWatch Logs. */
bool vpc_add_default_record(struct rec_batch *b, const char *line, size_t n,
                            const struct ingest_plan *plan, int64_t *start_ms);

#endif
