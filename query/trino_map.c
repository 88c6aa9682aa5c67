/*
 * trino_map.c — the CloudTrail tables of Athena and CloudTrail Lake (see
 * trino_map.h).
 *
 * Athena: the columns of the CloudTrail table in the Athena documentation
 * ("Create the table for CloudTrail logs in Athena using partition
 * projection"): lower-case names, userIdentity, addendum and tlsDetails as
 * structs, requestParameters, responseElements, additionalEventData,
 * serviceEventDetails and edgeDeviceDetails as JSON text, resources as an
 * array of structs. A field this table does not have (managementEvent,
 * userIdentity.identityProvider, ...) is a query error, never a silent NULL.
 *
 * Lake: the documented SQL schema of an event data store of CloudTrail
 * events: eventTime and creationDate are timestamps, readOnly and
 * managementEvent booleans, requestParameters, responseElements,
 * additionalEventData, serviceEventDetails and edgeDeviceDetails
 * map(varchar, varchar) whose values are scalars as text or JSON text.
 */
#include "query/trino_map.h"

#include <string.h>
#include <strings.h>

#include "base/strbuf.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define LEAF(name, col) {name, col, TN_STRING, NULL, 0}
#define KIND(name, col, kind) {name, col, kind, NULL, 0}
#define NODE(name, col, kind, kids) {name, col, kind, kids, N(kids)}

/* ---- shared pieces ---- */

static const struct tnode on_behalf_of[] = {
    LEAF("userId", "userid"),
    LEAF("identityStoreArn", "identitystorearn"),
};

static const struct tnode session_issuer[] = {
    LEAF("type", "type"),
    LEAF("principalId", "principalid"),
    LEAF("arn", "arn"),
    LEAF("accountId", "accountid"),
    LEAF("userName", "username"),
};

static const struct tnode tls_details[] = {
    LEAF("tlsVersion", "tlsversion"),
    LEAF("cipherSuite", "ciphersuite"),
    LEAF("clientProvidedHostHeader", "clientprovidedhostheader"),
};

static const struct tnode addendum[] = {
    LEAF("reason", "reason"),
    LEAF("updatedFields", "updatedfields"),
    LEAF("originalRequestID", "originalrequestid"),
    LEAF("originalEventID", "originaleventid"),
};

static const struct tnode web_id_federation[] = {
    LEAF("federatedProvider", "federatedprovider"),
    KIND("attributes", "attributes", TN_MAP),
};

/* ---- Athena ---- */

static const struct tnode athena_session_attributes[] = {
    LEAF("mfaAuthenticated", "mfaauthenticated"),
    LEAF("creationDate", "creationdate"),
};

static const struct tnode athena_session_context[] = {
    NODE("attributes", "attributes", TN_STRUCT, athena_session_attributes),
    NODE("sessionIssuer", "sessionissuer", TN_STRUCT, session_issuer),
    LEAF("ec2RoleDelivery", "ec2roledelivery"),
    NODE("webIdFederationData", "webidfederationdata", TN_STRUCT, web_id_federation),
};

static const struct tnode athena_user_identity[] = {
    LEAF("type", "type"),
    LEAF("principalId", "principalid"),
    LEAF("arn", "arn"),
    LEAF("accountId", "accountid"),
    LEAF("invokedBy", "invokedby"),
    LEAF("accessKeyId", "accesskeyid"),
    LEAF("userName", "username"),
    NODE("onBehalfOf", "onbehalfof", TN_STRUCT, on_behalf_of),
    NODE("sessionContext", "sessioncontext", TN_STRUCT, athena_session_context),
};

static const struct tnode athena_resources[] = {
    LEAF("ARN", "arn"),
    LEAF("accountId", "accountid"),
    LEAF("type", "type"),
};

static const struct tnode athena_top[] = {
    LEAF("eventVersion", "eventversion"),
    NODE("userIdentity", "useridentity", TN_STRUCT, athena_user_identity),
    LEAF("eventTime", "eventtime"),
    LEAF("eventSource", "eventsource"),
    LEAF("eventName", "eventname"),
    LEAF("awsRegion", "awsregion"),
    LEAF("sourceIPAddress", "sourceipaddress"),
    LEAF("userAgent", "useragent"),
    LEAF("errorCode", "errorcode"),
    LEAF("errorMessage", "errormessage"),
    KIND("requestParameters", "requestparameters", TN_JSON),
    KIND("responseElements", "responseelements", TN_JSON),
    KIND("additionalEventData", "additionaleventdata", TN_JSON),
    LEAF("requestID", "requestid"),
    LEAF("eventID", "eventid"),
    LEAF("readOnly", "readonly"),
    NODE("resources", "resources", TN_ARRAY, athena_resources),
    LEAF("eventType", "eventtype"),
    LEAF("apiVersion", "apiversion"),
    LEAF("recipientAccountId", "recipientaccountid"),
    KIND("serviceEventDetails", "serviceeventdetails", TN_JSON),
    LEAF("sharedEventID", "sharedeventid"),
    LEAF("vpcEndpointId", "vpcendpointid"),
    LEAF("vpcEndpointAccountId", "vpcendpointaccountid"),
    LEAF("eventCategory", "eventcategory"),
    NODE("addendum", "addendum", TN_STRUCT, addendum),
    LEAF("sessionCredentialFromConsole", "sessioncredentialfromconsole"),
    KIND("edgeDeviceDetails", "edgedevicedetails", TN_JSON),
    NODE("tlsDetails", "tlsdetails", TN_STRUCT, tls_details),
};

static const struct tschema athena = {"the Athena CloudTrail table", athena_top, N(athena_top)};

/* ---- CloudTrail Lake ---- */

static const struct tnode lake_session_attributes[] = {
    KIND("creationDate", "creationdate", TN_TIME),
    LEAF("mfaAuthenticated", "mfaauthenticated"),
};

static const struct tnode lake_session_context[] = {
    NODE("attributes", "attributes", TN_STRUCT, lake_session_attributes),
    NODE("sessionIssuer", "sessionissuer", TN_STRUCT, session_issuer),
    NODE("webIdFederationData", "webidfederationdata", TN_STRUCT, web_id_federation),
    LEAF("sourceIdentity", "sourceidentity"),
    LEAF("ec2RoleDelivery", "ec2roledelivery"),
    LEAF("ec2IssuedInVPC", "ec2issuedinvpc"),
};

static const struct tnode lake_user_identity[] = {
    LEAF("type", "type"),
    LEAF("principalId", "principalid"),
    LEAF("arn", "arn"),
    LEAF("accountId", "accountid"),
    LEAF("accessKeyId", "accesskeyid"),
    LEAF("userName", "username"),
    NODE("sessionContext", "sessioncontext", TN_STRUCT, lake_session_context),
    NODE("onBehalfOf", "onbehalfof", TN_STRUCT, on_behalf_of),
    LEAF("invokedBy", "invokedby"),
    LEAF("identityProvider", "identityprovider"),
};

static const struct tnode lake_resources[] = {
    LEAF("accountId", "accountid"),
    LEAF("type", "type"),
    LEAF("ARN", "arn"),
    LEAF("ARNPrefix", "arnprefix"),
};

static const struct tnode lake_top[] = {
    LEAF("eventVersion", "eventversion"),
    NODE("userIdentity", "useridentity", TN_STRUCT, lake_user_identity),
    KIND("eventTime", "eventtime", TN_TIME),
    LEAF("eventSource", "eventsource"),
    LEAF("eventName", "eventname"),
    LEAF("awsRegion", "awsregion"),
    LEAF("sourceIPAddress", "sourceipaddress"),
    LEAF("userAgent", "useragent"),
    LEAF("errorCode", "errorcode"),
    LEAF("errorMessage", "errormessage"),
    KIND("requestParameters", "requestparameters", TN_JSONMAP),
    KIND("responseElements", "responseelements", TN_JSONMAP),
    KIND("additionalEventData", "additionaleventdata", TN_JSONMAP),
    LEAF("requestID", "requestid"),
    LEAF("eventID", "eventid"),
    KIND("readOnly", "readonly", TN_BOOL),
    NODE("resources", "resources", TN_ARRAY, lake_resources),
    LEAF("eventType", "eventtype"),
    LEAF("apiVersion", "apiversion"),
    KIND("managementEvent", "managementevent", TN_BOOL),
    LEAF("recipientAccountId", "recipientaccountid"),
    LEAF("sharedEventID", "sharedeventid"),
    LEAF("annotation", "annotation"),
    LEAF("vpcEndpointId", "vpcendpointid"),
    LEAF("vpcEndpointAccountId", "vpcendpointaccountid"),
    KIND("serviceEventDetails", "serviceeventdetails", TN_JSONMAP),
    NODE("addendum", "addendum", TN_STRUCT, addendum),
    KIND("edgeDeviceDetails", "edgedevicedetails", TN_JSONMAP),
    LEAF("eventCategory", "eventcategory"),
    NODE("tlsDetails", "tlsdetails", TN_STRUCT, tls_details),
    LEAF("sessionCredentialFromConsole", "sessioncredentialfromconsole"),
};

static const struct tschema lake = {"the CloudTrail Lake event data store", lake_top, N(lake_top)};

const struct tschema *tschema_for(enum sql_target target)
{
    return target == SQL_LAKE ? &lake : &athena;
}

const struct tnode *tnode_child(const struct tnode *kids, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(kids[i].name) == len && memcmp(kids[i].name, name, len) == 0)
            return &kids[i];
    return NULL;
}

const struct tnode *tnode_child_nocase(const struct tnode *kids, size_t n, const char *name,
                                       size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(kids[i].name) == len && strncasecmp(kids[i].name, name, len) == 0)
            return &kids[i];
    return NULL;
}

void tnode_hive_type(const struct tnode *n, struct strbuf *out)
{
    switch (n->kind) {
    case TN_STRING:
    case TN_JSON:
    case TN_TIME:
    case TN_BOOL:
        sb_puts(out, "STRING");
        return;
    case TN_MAP:
    case TN_JSONMAP:
        sb_puts(out, "MAP<STRING,STRING>");
        return;
    case TN_STRUCT:
    case TN_ARRAY:
        sb_puts(out, n->kind == TN_ARRAY ? "ARRAY<STRUCT<" : "STRUCT<");
        for (size_t i = 0; i < n->n_kids; i++) {
            sb_printf(out, "%s%s:", i ? ", " : "", n->kids[i].col);
            tnode_hive_type(&n->kids[i], out);
        }
        sb_puts(out, n->kind == TN_ARRAY ? ">>" : ">");
        return;
    }
}

/* The commercial regions CloudTrail delivers from (the DDL's region
 * projection: a region missing here is not read). */
const char *const trino_regions[] = {
    "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
    "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-central-1", "ca-west-1",
    "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
    "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
    "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
};
const size_t n_trino_regions = N(trino_regions);
