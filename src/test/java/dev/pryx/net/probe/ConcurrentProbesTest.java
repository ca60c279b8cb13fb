package dev.pryx.net.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.support.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One probe, many threads at once (a status board testing every provider): each probe gets the
 * answer to its own key. The server lists as many models as the number at the end of the key it
 * received, so a crossed wire shows as a wrong count.
 */
@DisplayName("one ConnectionProbe, many concurrent probes")
class ConcurrentProbesTest {
    private static final String PREFIX = "sk-test-LEAKCHECK-concurrent-";
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static MockResponse answer(RecordedRequest r) {
        String key = r.getHeader("x-api-key") != null ? r.getHeader("x-api-key")
                : r.getHeader("x-goog-api-key") != null ? r.getHeader("x-goog-api-key")
                : r.getHeader("Authorization") != null ? r.getHeader("Authorization").substring("Bearer ".length()) : null;
        if (key == null || !key.startsWith(PREFIX)) {
            return new MockResponse().setResponseCode(401);
        }
        int n = Integer.parseInt(key.substring(PREFIX.length()));
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < n; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\": \"m").append(i).append("\"}");
        }
        String path = r.getRequestUrl().encodedPath();
        String body = switch (path) {
            case "/v1beta/models", "/api/tags" -> "{\"models\": [" + items + "]}";
            case "/api/version" -> "{\"version\": \"0.5.7\"}";
            case "/api/v1/key" -> "{\"data\": {\"usage\": " + n + "}}";
            default -> "{\"data\": [" + items + "]}";
        };
        return ProbeFixtures.json(200, body);
    }

    @Test
    @DisplayName("each gets the answer to its own key")
    void concurrent() throws Exception {
        ConnectionProbe probe = ProbeFixtures.probe();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ProbeResult>> futures = new ArrayList<>();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                ProbeKind kind = ProbeKind.values()[i % ProbeKind.values().length];
                int n = i;
                expected.add(kind == ProbeKind.OPENROUTER_KEY ? null : n);
                futures.add(pool.submit(() -> {
                    try (Secret k = Secret.adopt((PREFIX + n).toCharArray())) {
                        return probe.probe(new ProbeRequest(kind, ProbeFixtures.baseUrl(server, kind), k));
                    }
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                ProbeResult r = futures.get(i).get(30, TimeUnit.SECONDS);
                assertThat(r.verdict()).as("probe %d", i).isEqualTo(Verdict.OK);
                assertThat(r.modelCount()).as("probe %d", i).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
