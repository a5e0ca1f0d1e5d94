package io.mms.command.delivery.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.mms.command.rejection.CommandRejected;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where email and SMS providers report engagement, in batches: a JSON array of reports. Each
 * report is recorded on its own and in order, and answered with its own result, so one bad
 * report loses none of the others. An unexpected failure (the event store is down) fails the
 * whole request; the provider then sends the batch again, and the reports that were recorded
 * before the failure come back as duplicates.
 */
@RestController
class EngagementWebhook {

    static final String PATH = "/api/v1/webhooks/engagement";

    /** Providers send far smaller batches; the cap keeps one request from holding a thread for long. */
    static final int MAX_BATCH = 1_000;

    private final EngagementRecorder recorder;

    EngagementWebhook(EngagementRecorder recorder) {
        this.recorder = recorder;
    }

    @PostMapping(PATH)
    List<ItemResult> receive(@RequestBody JsonNode batch) {
        List<WebhookItem> items = items(batch);
        List<ItemResult> results = new ArrayList<>(items.size());
        for (WebhookItem item : items) {
            results.add(record(item));
        }
        return results;
    }

    private ItemResult record(WebhookItem item) {
        try {
            String status = recorder.record(item.command()).name().toLowerCase(Locale.ROOT);
            return new ItemResult(item.id(), status, null, null);
        } catch (CommandRejected rejected) {
            return new ItemResult(item.id(), "rejected", rejected.reason().name(), rejected.getMessage());
        }
    }

    private static List<WebhookItem> items(JsonNode batch) {
        if (batch == null || !batch.isArray()) {
            throw new MalformedBatch("the body must be a JSON array of engagement reports");
        }
        if (batch.size() > MAX_BATCH) {
            throw new MalformedBatch("a batch holds at most " + MAX_BATCH + " reports, this one has " + batch.size());
        }
        List<WebhookItem> items = new ArrayList<>(batch.size());
        for (JsonNode item : batch) {
            if (!item.isObject()) {
                throw new MalformedBatch("the body must be a JSON array of objects; report "
                        + (items.size() + 1) + " is not an object");
            }
            items.add(new WebhookItem(item));
        }
        return items;
    }

    @ExceptionHandler(MalformedBatch.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    BatchError malformed(MalformedBatch failure) {
        return new BatchError(failure.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    BatchError unreadable() {
        return new BatchError("the body must be a JSON array of engagement reports; it is not readable JSON");
    }

    /** The answer for one report: {@code recorded}, {@code duplicate} or {@code rejected} with a code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemResult(String id, String status, String code, String message) {
    }

    /** Why the batch as a whole was refused; nothing of it was recorded. */
    record BatchError(String code, String message) {

        BatchError(String message) {
            this("VALIDATION", message);
        }
    }

    /** A body that is not a batch of reports, or too large a batch. */
    static class MalformedBatch extends RuntimeException {

        MalformedBatch(String message) {
            super(message);
        }
    }
}
