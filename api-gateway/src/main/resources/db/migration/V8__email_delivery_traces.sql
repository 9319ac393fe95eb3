-- The trace an e-mail delivery continues: the W3C traceparent of the gateway's step that took the paper in, when
-- tracing is on. Each attempt at the mail that carries the paper is a span of that trace.
alter table email_delivery
    add column traceparent text;
