package dev.pryx.tui.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.TestSecrets;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.Secret;
import dev.pryx.tui.VirtualTui;
import dev.pryx.tui.shell.StatusTone;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the model picker's live list")
class ModelPickerLiveTest {
    static final String OPENAI_LIST = "{\"object\":\"list\",\"data\":["
            + "{\"id\":\"qwen3-coder-30b\",\"object\":\"model\",\"created\":1,\"owned_by\":\"vllm\"},"
            + "{\"id\":\"llama-3.3-70b\",\"object\":\"model\",\"created\":1,\"owned_by\":\"vllm\"}]}";
    static final String OLLAMA_TAGS = "{\"models\":[{\"name\":\"llama3.1:8b\",\"model\":\"llama3.1:8b\","
            + "\"modified_at\":\"2026-10-01T10:00:00Z\",\"size\":4920753328,\"digest\":\"abc\",\"details\":{\"format\":\"gguf\","
            + "\"family\":\"llama\",\"families\":[\"llama\"],\"parameter_size\":\"8.0B\",\"quantization_level\":\"Q4_K_M\"}}]}";

    @TempDir
    Path home;
    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private VirtualTui tui() {
        return VirtualTui.start(home, new VirtualTui.Options().env("PRYX_VAULT_PASSPHRASE", "correct horse battery"));
    }

    @Test
    @DisplayName("opening it for an OpenAI-compatible server fetches the live list (with the key) behind a spinner")
    void fetchesOnOpen() throws Exception {
        server.enqueue(new MockResponse().setBody(OPENAI_LIST).setHeadersDelay(300, TimeUnit.MILLISECONDS));
        try (VirtualTui tui = tui()) {
            ProviderManager m = tui.manager();
            m.addCompatible("openai", "my-llm", "My vLLM", server.url("/v1").toString(), null);
            m.setKey("my-llm", Secret.adopt(TestSecrets.API_KEY.toCharArray()), false);
            tui.top().onShow();
            tui.pump().type("m");

            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getPath()).isEqualTo("/v1/models");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestSecrets.API_KEY);
            assertThat(tui.frames()).anyMatch(f -> f.contains("Fetching the model list of My vLLM…"));
            assertThat(tui.screen()).contains("qwen3-coder-30b").contains("llama-3.3-70b")
                    .contains("✓ 2 models listed by My vLLM just now.").contains("live list from just now");
            assertThat(tui.top().statusTone()).isEqualTo(StatusTone.OK);
            assertThat(tui.frames()).noneMatch(f -> f.contains(TestSecrets.API_KEY));

            tui.press(KeyType.Escape).type("m");
            assertThat(server.getRequestCount()).as("a fresh cached list is not fetched again").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("Ctrl+R fetches again; a failure says what is wrong in red and keeps the list shown")
    void refresh() throws Exception {
        server.enqueue(new MockResponse().setBody(OPENAI_LIST));
        server.enqueue(new MockResponse().setResponseCode(503).setBody("{\"error\":{\"message\":\"overloaded\"}}"));
        try (VirtualTui tui = tui()) {
            tui.manager().addCompatible("openai", "my-llm", "My vLLM", server.url("/v1").toString(), null);
            tui.top().onShow();
            tui.pump().type("m");
            assertThat(tui.screen()).contains("qwen3-coder-30b");

            tui.press(new KeyStroke('r', true, false));
            assertThat(server.getRequestCount()).isEqualTo(2);
            assertThat(tui.top().statusTone()).isEqualTo(StatusTone.ERROR);
            assertThat(tui.top().statusText()).contains("503");
            assertThat(tui.screen()).contains("qwen3-coder-30b");
        }
    }

    @Test
    @DisplayName("a local Ollama's models show size and quantization instead of prices, family and parameters below")
    void ollama() throws Exception {
        server.enqueue(new MockResponse().setBody(OLLAMA_TAGS));
        try (VirtualTui tui = tui()) {
            tui.manager().addProvider(new ProviderManager.NewProvider("ollama", null, null, server.url("/").toString(), null));
            tui.top().onShow();
            tui.pump().type("m");
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getPath()).isEqualTo("/api/tags");
            tui.type("llama3.1");
            String screen = tui.screen();
            assertThat(screen).contains("Size  Quant").contains("llama3.1:8b").contains("4.9 GB  Q4_K_M")
                    .contains("llama 8.0B");
            tui.resize(80, 24);
            assertThat(tui.screen()).as("the refresh key still fits the footer at 80 columns")
                    .contains(" Enter use  Ctrl+R refresh  ·  Ctrl+P palette");
        }
    }

    @Test
    @DisplayName("when the fetch on opening fails, the catalog's list stays with a warning that says why")
    void fallsBack() {
        server.enqueue(new MockResponse().setResponseCode(500));
        try (VirtualTui tui = tui()) {
            tui.manager().addProvider(new ProviderManager.NewProvider("ollama", null, null, server.url("/").toString(), null));
            tui.top().onShow();
            tui.pump().type("m");
            assertThat(tui.top().statusTone()).isEqualTo(StatusTone.WARNING);
            assertThat(tui.top().statusText()).startsWith("! ").contains("500").contains("Showing the catalog's list");
            assertThat(tui.screen()).contains("gpt-oss:20b");
        }
    }
}
