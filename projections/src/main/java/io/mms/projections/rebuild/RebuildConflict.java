package io.mms.projections.rebuild;

/** A rebuild was asked for while one runs, or a cancel while none can be cancelled. */
public class RebuildConflict extends RuntimeException {

    RebuildConflict(String message) {
        super(message);
    }
}
