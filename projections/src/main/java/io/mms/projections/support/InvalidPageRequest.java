package io.mms.projections.support;

/** A page that cannot be served as asked: a page size out of bounds or a cursor MMS did not make. */
public class InvalidPageRequest extends IllegalArgumentException {

    public InvalidPageRequest(String message) {
        super(message);
    }
}
