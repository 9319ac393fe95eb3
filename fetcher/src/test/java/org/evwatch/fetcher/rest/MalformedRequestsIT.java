package org.evwatch.fetcher.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.fuzz.FuzzRequest;
import org.evwatch.testing.fuzz.FuzzResponse;
import org.evwatch.testing.fuzz.MalformedWire;
import org.evwatch.testing.fuzz.RawHttp;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Requests the HTTP decoder cannot read, written byte for byte to the fetcher's real port: each gets a problem with
 * the status of the refusal and a detail naming what was wrong, and the connection then closes.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class MalformedRequestsIT {

    @Test
    void everyUnreadableRequestGetsAProblemWithItsStatus() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (MalformedWire.Case c : MalformedWire.cases()) {
            FuzzResponse response = http().send(FuzzRequest.raw(0, c.name(), c.bytes()));
            String shown = c.name() + ": " + response.status() + " " + response.text();
            System.out.println(shown);
            if (c.status() == MalformedWire.ANY_CLIENT_ERROR) {
                soft.assertThat(response.status()).as(shown).isBetween(400, 499);
            } else {
                soft.assertThat(response.status()).as(shown).isEqualTo(c.status());
                soft.assertThat(response.header("Connection")).as(shown).isEqualTo("close");
            }
            soft.assertThat(response.header("Content-Type")).as(shown).startsWith("application/problem+json");
            JsonNode problem = new ObjectMapper().readTree(response.body());
            soft.assertThat(problem.path("status").asInt()).as(shown).isEqualTo(response.status());
            soft.assertThat(problem.path("detail").asText()).as(shown).isNotBlank();
        }
        soft.assertAll();
    }

    @Test
    void theDetailSaysWhichPartIsWrong() throws Exception {
        assertThat(detail("GET /a b HTTP/1.1")).contains("not valid HTTP/1.1").contains("B HTTP/1.1");
        assertThat(detail("GET / HTTP/1")).contains("not valid HTTP/1.1").contains("HTTP/1");
        assertThat(detail("GET / HTTP/1.1\r\nNoColon")).contains("No colon found");
        FuzzResponse tooLong = http().send(MalformedWire.cases().stream()
                .filter(c -> c.status() == 414).findFirst().map(c -> FuzzRequest.raw(0, c.name(), c.bytes()))
                .orElseThrow());
        assertThat(tooLong.text()).contains("65536 bytes");
    }

    @Test
    void aBadChunkSizeClosesTheConnectionWithoutAnAnswer() throws Exception {
        // The decoder fails on the body after the request was dispatched; Vert.x closes the connection at once.
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(MalformedWire.badChunk());
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            System.out.println("bad chunk answer: '" + new String(answer) + "'");
            assertThat(answer).isEmpty();
        }
    }

    private static RawHttp http() {
        return new RawHttp("127.0.0.1", RestAssured.port);
    }

    private String detail(String requestLine) throws IOException {
        FuzzResponse response = http().send(FuzzRequest.raw(0, requestLine,
                (requestLine + "\r\nHost: x\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertThat(response.status()).isEqualTo(400);
        return response.text();
    }
}
