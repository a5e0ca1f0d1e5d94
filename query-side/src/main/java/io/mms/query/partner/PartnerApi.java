package io.mms.query.partner;

/** The paths of the partner API. */
final class PartnerApi {

    static final String EVENTS = "/api/v1/events";
    static final String STREAM = EVENTS + "/stream";
    static final String SCHEMAS = EVENTS + "/schemas";
    static final String EXPORT = EVENTS + "/export";

    private PartnerApi() {
    }
}
