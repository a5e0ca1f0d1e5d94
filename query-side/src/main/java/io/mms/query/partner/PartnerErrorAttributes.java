package io.mms.query.partner;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives what Spring refuses by itself on partner paths, such as a path that does not exist or a
 * method a path does not take, the partner API's body {@code {code, message}}, so that partners
 * read every refusal alike. Other paths keep Spring Boot's error body.
 */
@Component
class PartnerErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        if (!(attributes.get("path") instanceof String path) || !isPartnerPath(path)) {
            return attributes;
        }
        HttpStatus status = HttpStatus.resolve((Integer) attributes.getOrDefault("status", 500));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code(status));
        body.put("message", message(status, path));
        return body;
    }

    private static boolean isPartnerPath(String path) {
        return path.equals(PartnerApi.EVENTS) || path.startsWith(PartnerApi.EVENTS + "/");
    }

    private static String code(HttpStatus status) {
        if (status == null || status.is5xxServerError()) {
            return "INTERNAL";
        }
        return switch (status) {
            case BAD_REQUEST -> "VALIDATION";
            case NOT_FOUND -> "NOT_FOUND";
            default -> status.name();
        };
    }

    private static String message(HttpStatus status, String path) {
        if (status == HttpStatus.NOT_FOUND) {
            return "the partner API has nothing at " + path + "; see " + PartnerApi.SCHEMAS + " for event types";
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            return path + " is only read, with GET";
        }
        return status == null ? "the request failed" : status.getReasonPhrase();
    }
}
