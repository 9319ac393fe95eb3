package org.evwatch.testing.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class DocumentedStatusesTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.3", "paths": {
              "/api/v1/papers/{id}": {"get": {"operationId": "getPaper",
                  "responses": {"200": {}, "404": {}}}},
              "/api/v1/papers": {"get": {"operationId": "searchPapers", "responses": {"200": {}, "400": {}}}},
              "/api/v1/subscriptions/{id}": {"parameters": [],
                  "get": {"operationId": "getSubscription", "responses": {"200": {}, "404": {}}},
                  "delete": {"operationId": "deleteSubscription", "responses": {"204": {}, "default": {}}}},
              "/api/v1/subscriptions/{id}/deliveries": {"get": {"operationId": "listDeliveries",
                  "responses": {"200": {}}}}
            }}""";

    private final DocumentedStatuses contract;

    DocumentedStatusesTest() throws Exception {
        contract = DocumentedStatuses.of(new ObjectMapper().readTree(DOCUMENT));
    }

    @Test
    void everyOperationWithItsStatusesIsRead() {
        assertEquals(Set.of("getPaper 200", "getPaper 404", "searchPapers 200", "searchPapers 400",
                "getSubscription 200", "getSubscription 404", "deleteSubscription 204", "deleteSubscription -1",
                "listDeliveries 200"), contract.pairs());
    }

    @Test
    void aRequestReachesTheMostLiteralTemplateOfItsMethod() {
        assertEquals("listDeliveries", op("GET", "/api/v1/subscriptions/abc/deliveries?limit=3"));
        assertEquals("getSubscription", op("GET", "/api/v1/subscriptions/abc"));
        assertEquals("deleteSubscription", op("DELETE", "/api/v1/subscriptions/abc"));
        assertEquals("searchPapers", op("GET", "/api/v1/papers?q=exosome"));
        assertEquals("getPaper", op("GET", "/api/v1/papers/doi:10.1038/s41586-020"), "a last parameter spans '/'");
        assertTrue(contract.match("PUT", "/api/v1/papers").isEmpty(), "no such method there");
        assertTrue(contract.match("GET", "/api/v2/papers").isEmpty(), "no such path");
        assertTrue(contract.match("DELETE", "/api/v1/subscriptions/;ls").isEmpty(), "matrix parameters are no id");
        assertEquals("deleteSubscription", op("DELETE", "/api/v1/subscriptions/abc;x=1"));
        assertTrue(contract.match("DELETE", "/api/v1/subscriptions/;ls/deliveries").isEmpty(),
                "an empty id before /deliveries, which has no DELETE");
        assertTrue(contract.match("PUT", "/api/v1/subscriptions/abc/deliveries").isEmpty(),
                "a path the document has under another method only");
        assertTrue(contract.match("PUT", "/api/v1/subscriptions/%F0%9F%98%80/..").isEmpty(),
                "dot segments are resolved: the collection, which has no PUT");
        assertEquals("getSubscription", op("GET", "/api/v1/subscriptions/abc/deliveries/.."));
        assertEquals("getSubscription", op("GET", "/api/v1/subscriptions/x/%2E%2e/./abc"));
        assertTrue(contract.match("DELETE", "/api/v1/subscriptions/0/deliveries/;ls?facets=~").isEmpty(),
                "a trailing slash is the deliveries' resource, not an id spanning it");
    }

    @Test
    void dotSegmentsAreResolvedAsRfc3986Says() {
        assertEquals("/a/", DocumentedStatuses.withoutDotSegments("/a/b/.."));
        assertEquals("/a/c", DocumentedStatuses.withoutDotSegments("/a/./b/../c"));
        assertEquals("/c", DocumentedStatuses.withoutDotSegments("/../../c"));
        assertEquals("/a/b", DocumentedStatuses.withoutDotSegments("/a/b"));
    }

    @Test
    void aStatusIsDocumentedWhenListedOrWhenTheOperationHasADefault() {
        var getPaper = contract.match("GET", "/api/v1/papers/1").orElseThrow();
        assertTrue(getPaper.documents(404));
        assertFalse(getPaper.documents(400));
        assertTrue(contract.match("DELETE", "/api/v1/subscriptions/1").orElseThrow().documents(409));
    }

    private String op(String method, String path) {
        return contract.match(method, path).orElseThrow().operationId();
    }
}
