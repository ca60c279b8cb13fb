package dev.pryx.tui.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.TestSecrets;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.Secret;
import dev.pryx.tui.VirtualTui;
import java.nio.file.Path;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("'t' on the provider list")
class ProviderTestKeyTest {
    @TempDir
    Path home;

    private VirtualTui withOpenAiAt(MockWebServer server) {
        VirtualTui tui = VirtualTui.start(home, new VirtualTui.Options().env("PRYX_VAULT_PASSPHRASE", "correct horse battery"));
        ProviderManager m = tui.manager();
        m.addProvider(new ProviderManager.NewProvider("openai", null, null, server.url("/v1").toString(), null));
        m.setKey("openai", Secret.adopt(TestSecrets.API_KEY.toCharArray()), false);
        tui.top().onShow();
        tui.pump();
        return tui;
    }

    @Test
    @DisplayName("tests the selected provider off the screen's thread and shows the verdict")
    void ok() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("{\"data\":[{\"id\":\"gpt-5\"},{\"id\":\"gpt-5-mini\"}]}"));
            try (VirtualTui tui = withOpenAiAt(server)) {
                tui.type("t");
                RecordedRequest request = server.takeRequest();
                assertThat(request.getPath()).isEqualTo("/v1/models");
                assertThat(tui.screen()).contains("✓ openai:").contains("2 models");
                assertThat(tui.frames()).noneMatch(f -> f.contains(TestSecrets.API_KEY));
            }
        }
    }

    @Test
    @DisplayName("says what is wrong and what to do for a rejected key, never showing the key")
    void rejected() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(401)
                    .setBody("{\"error\":{\"message\":\"Incorrect API key provided: " + TestSecrets.API_KEY + "\"}}"));
            try (VirtualTui tui = withOpenAiAt(server)) {
                tui.type("t");
                assertThat(tui.screen()).contains("✗ openai:").contains("401");
                assertThat(tui.frames()).noneMatch(f -> f.contains(TestSecrets.API_KEY));
            }
        }
    }
}
