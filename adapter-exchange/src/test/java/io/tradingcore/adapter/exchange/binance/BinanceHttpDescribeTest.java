package io.tradingcore.adapter.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/** Issue 17, item 10: a DNS failure was reported as "ConnectException null". */
class BinanceHttpDescribeTest {
    private static final URI URL = URI.create("https://api.binance.example");

    @Test
    void aDnsFailureNamesTheHost() {
        // what java.net.http.HttpClient throws for an unknown host: a ConnectException without a message
        ConnectException e = new ConnectException();
        e.initCause(new UnresolvedAddressException());
        assertThat(BinanceHttp.describe(e, URL)).startsWith("cannot resolve host api.binance.example").doesNotContain("null");
    }

    @Test
    void otherFailuresKeepTheFirstMessageFoundAndNeverSayNull() {
        ConnectException refused = new ConnectException();
        refused.initCause(new java.io.IOException("Connection refused"));
        assertThat(BinanceHttp.describe(refused, URL)).isEqualTo("ConnectException Connection refused");
        assertThat(BinanceHttp.describe(new ConnectException(), URL)).isEqualTo("ConnectException");
    }
}
