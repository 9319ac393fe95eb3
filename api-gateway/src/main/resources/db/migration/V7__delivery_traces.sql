-- The trace a webhook delivery continues: the W3C traceparent of the gateway's step that took the paper in, when
-- tracing is on. The attempt is a span of that trace, and the POST carries it on to the receiver.
alter table webhook_delivery
    add column traceparent text;
