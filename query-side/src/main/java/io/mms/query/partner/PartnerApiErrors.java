package io.mms.query.partner;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a refused partner request with its status and a readable JSON body. */
@RestControllerAdvice(assignableTypes = {EventPages.class, EventStream.class, EventSchemaEndpoint.class,
        EventExport.class})
class PartnerApiErrors {

    @ExceptionHandler(ApiRefusal.class)
    ResponseEntity<ApiError> refused(ApiRefusal refusal) {
        return ResponseEntity.status(refusal.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(refusal.body());
    }
}
