package org.evwatch.events.tracing;

import org.jboss.logging.MDC;

/**
 * Puts the record or paper being processed, and its trace when traced, into the logging context ({@code recordId}
 * or {@code paperId}, and {@code traceId}), so that every line logged meanwhile names them: in the console format and
 * as fields of JSON logs.
 */
public final class RecordLog {

    public static final String RECORD_ID = "recordId";
    public static final String TRACE_ID = "traceId";
    public static final String PAPER_ID = "paperId";
    /** Where the trace id sits in a traceparent: {@code 00-<32 hex digits>-<16 hex digits>-<flags>}. */
    private static final int TRACE_ID_START = 3;
    private static final int TRACE_ID_END = 35;

    private RecordLog() {
    }

    /** From now on, on this thread, lines name {@code recordId} and the step's trace. */
    public static void enter(String recordId, TraceStep step) {
        enter(RECORD_ID, recordId, step);
    }

    /**
     * From now on, on this thread, lines name {@code recordId} and the trace of a record's {@code traceparent} header
     * (W3C Trace Context; may be null).
     */
    public static void enterRecord(String recordId, String traceparent) {
        MDC.put(RECORD_ID, recordId);
        if (traceparent != null && traceparent.length() >= TRACE_ID_END) {
            MDC.put(TRACE_ID, traceparent.substring(TRACE_ID_START, TRACE_ID_END));
        }
    }

    /** From now on, on this thread, lines name the catalog paper {@code paperId} and the step's trace. */
    public static void enterPaper(String paperId, TraceStep step) {
        enter(PAPER_ID, paperId, step);
    }

    private static void enter(String key, String id, TraceStep step) {
        MDC.put(key, id);
        String traceId = step.traceId();
        if (traceId != null) {
            MDC.put(TRACE_ID, traceId);
        }
    }

    /** Lines name no record or paper any more. */
    public static void leave() {
        MDC.remove(RECORD_ID);
        MDC.remove(PAPER_ID);
        MDC.remove(TRACE_ID);
    }
}
