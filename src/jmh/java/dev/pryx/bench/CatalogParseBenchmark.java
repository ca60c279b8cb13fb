package dev.pryx.bench;

import com.sun.net.httpserver.HttpServer;
import dev.pryx.catalog.CatalogProvider;
import dev.pryx.catalog.CatalogService;
import dev.pryx.catalog.ModelsDevReader;
import dev.pryx.net.HttpClients;
import dev.pryx.support.Environment;
import dev.pryx.support.PryxPaths;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the full models.dev catalog (2.4 MB, 147 providers, 5,276 models), warm:
 *
 * <ul>
 *   <li>{@code parse}: bytes in memory to provider and model records ({@link ModelsDevReader});</li>
 *   <li>{@code loadCached}: what a command pays on first use of the catalog after a refresh: a new
 *       {@link CatalogService} reads the cache files, checks their checksum, parses, and merges the
 *       overlay.</li>
 * </ul>
 *
 * <p>The snapshot is read in place, never copied into the project: {@code -Dpryx.modelsDevSnapshot=PATH},
 * by default {@code ../shared/fixtures/models-dev/api.json} from the working directory (the project
 * root). JMH passes the {@code -D} on to its forks. Sample mode, so that the report carries the
 * median (p0.50) besides the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class CatalogParseBenchmark {
    private byte[] snapshot;
    private Path home;
    private PryxPaths paths;
    private OkHttpClient http;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        snapshot = BenchSnapshot.read();

        // One real refresh from a local server fills a private cache for loadCached.
        home = BenchVaults.newDirectory("pryx-bench-catalog-");
        paths = PryxPaths.under(home);
        http = HttpClients.create(Environment.of(Map.of()), "pryx-bench");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api.json", exchange -> {
            exchange.sendResponseHeaders(200, snapshot.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(snapshot);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api.json";
            new CatalogService(paths, Environment.of(Map.of("PRYX_CATALOG_URL", url)), http, Clock.systemUTC()).refresh();
        } finally {
            server.stop(0);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchVaults.deleteTree(home);
    }

    @Benchmark
    public List<CatalogProvider> parse() {
        try {
            return ModelsDevReader.read(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public int loadCached() {
        CatalogService service = new CatalogService(paths, Environment.of(Map.of()), http, Clock.systemUTC());
        if (!"cache".equals(service.catalog().info().source())) {
            throw new IllegalStateException("the cache was not used");
        }
        return service.catalog().modelCount();
    }
}
