package io.mms.query.partner;

import org.springframework.http.HttpStatus;

/** A partner request that cannot be served as asked; answered with its status and an {@link ApiError}. */
class ApiRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    private ApiRefusal(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiRefusal forbidden(String message) {
        return new ApiRefusal(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
    }

    static ApiRefusal invalid(String message) {
        return new ApiRefusal(HttpStatus.BAD_REQUEST, "VALIDATION", message);
    }

    static ApiRefusal notFound(String message) {
        return new ApiRefusal(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
    }

    static ApiRefusal tooMany(String message) {
        return new ApiRefusal(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", message);
    }

    static ApiRefusal unavailable(String message) {
        return new ApiRefusal(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", message);
    }

    HttpStatus status() {
        return status;
    }

    ApiError body() {
        return new ApiError(code, getMessage());
    }
}
