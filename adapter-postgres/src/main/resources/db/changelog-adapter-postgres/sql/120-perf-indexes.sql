--liquibase formatted sql

-- Indexes for the reads every cycle makes, so that they stay flat however long a run gets (issue 14).

--changeset tradingcore:120-order-request-open
-- ExecutionRepository.openOrders runs every hour: without this it scanned every order ever placed by
-- every account. Partial: only open orders are indexed, so the index stays as small as the open book.
CREATE INDEX ix_order_request_open ON order_request (account_id, run_mode)
    WHERE status IN ('NEW', 'ACK', 'PARTIAL');
