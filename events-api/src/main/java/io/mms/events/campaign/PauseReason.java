package io.mms.events.campaign;

/** Why a campaign stopped reaching its audience for a while. */
public enum PauseReason {
    /** A marketer paused it. */
    MANUAL,
    /** What it has spent reached its budget, and it paused by itself. */
    BUDGET_EXHAUSTED
}
