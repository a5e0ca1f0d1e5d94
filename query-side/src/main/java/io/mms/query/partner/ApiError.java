package io.mms.query.partner;

/**
 * The body of every refused request on the partner API.
 *
 * @param code    {@code UNAUTHENTICATED}, {@code FORBIDDEN}, {@code VALIDATION}, {@code NOT_FOUND},
 *                {@code TOO_MANY_REQUESTS} or {@code UNAVAILABLE}; Spring's own refusals on partner paths
 *                add {@code METHOD_NOT_ALLOWED} and the like ({@link PartnerErrorAttributes})
 * @param message what was wrong, for a person to read
 */
record ApiError(String code, String message) {
}
