package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hearth.testing.SiteBuild;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's nginx example, run for real: the built site is served by nginx with exactly the
 * two configuration blocks the README shows, and every response carries the headers of
 * {@link SitePolicy} and the right cache rule. Under {@code CI=true} a missing nginx fails.
 */
class NginxRecipeTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    Path tmp;

    private static List<String> nginxBlocks() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("\n### nginx\n"), readme.indexOf("\n### Checking the headers after deploying\n"));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```nginx\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            out.add(m.group(1));
        }
        assertEquals(2, out.size());
        return out;
    }

    @Test
    void theReadmesNginxExampleServesTheSiteWithEveryHeaderAndCacheRule() throws Exception {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(Files.isExecutable(NGINX), "CI must install nginx-light (see .ci/run)");
        }
        assumeTrue(Files.isExecutable(NGINX), "nginx is not installed");
        Path content = Golden.copyContent("basic", tmp.resolve("content"));
        Files.writeString(content.resolve("workbook.yml"), Files.readString(content.resolve("workbook.yml"))
                + "base_url: https://example.org/workbook/\n");
        SiteBuild.of(tmp, content, tmp.resolve("out"));
        // The README's layout: the site in <root>/workbook/, the snippet in conf/snippets/.
        Path prefix = tmp.resolve("nginx");
        Path www = prefix.resolve("www");
        Files.createDirectories(www);
        Files.move(tmp.resolve("out/site"), www.resolve("workbook"));
        Files.createDirectories(prefix.resolve("conf/snippets"));
        Files.createDirectories(prefix.resolve("tmp"));
        List<String> blocks = nginxBlocks();
        Files.writeString(prefix.resolve("conf/snippets/hearth-headers.conf"), blocks.get(0));
        assertTrue(blocks.get(1).contains("root /var/www;"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String t = prefix.resolve("tmp").toString();
        Files.writeString(prefix.resolve("conf/nginx.conf"), (System.getProperty("user.name").equals("root") ? "user root;\n" : "")
                + "worker_processes 1;\ndaemon off;\npid " + prefix.resolve("nginx.pid") + ";\nerror_log " + prefix.resolve("error.log") + ";\n"
                + "events {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n"
                + "  client_body_temp_path " + t + "/body;\n  proxy_temp_path " + t + "/proxy;\n  fastcgi_temp_path " + t + "/fastcgi;\n"
                + "  uwsgi_temp_path " + t + "/uwsgi;\n  scgi_temp_path " + t + "/scgi;\n"
                + "  server {\n    listen 127.0.0.1:" + port + ";\n"
                + blocks.get(1).replace("root /var/www;", "root " + www + ";") + "  }\n}\n");
        Process nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix + "/", "-c", prefix.resolve("conf/nginx.conf").toString(),
                "-e", prefix.resolve("error.log").toString()).redirectErrorStream(true).redirectOutput(prefix.resolve("out.log").toFile()).start();
        try {
            waitForPort(port, nginx, prefix);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Path site = www.resolve("workbook");
            List<String> files;
            try (Stream<Path> s = Files.walk(site)) {
                files = s.filter(Files::isRegularFile).map(p -> site.relativize(p).toString()).sorted()
                        .filter(f -> !f.equals("_headers") && !f.equals(".htaccess")).toList();
            }
            List<String> urls = new ArrayList<>(files);
            urls.add("");
            for (String f : urls) {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/workbook/" + f)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode(), f);
                assertHeaders(f, r.headers());
                assertEquals(List.of(f.startsWith("assets/") ? SitePolicy.CACHE_IMMUTABLE : SitePolicy.CACHE_REVALIDATE),
                        r.headers().allValues("Cache-Control"), f);
            }
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/workbook/nope.html"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("This page is not here"), "the workbook's own 404 page");
            assertHeaders("404", missing.headers());
        } finally {
            nginx.destroy();
            nginx.waitFor();
        }
    }

    private static void assertHeaders(String where, HttpHeaders h) {
        for (SitePolicy.Header expected : SitePolicy.SECURITY_HEADERS) {
            assertEquals(List.of(expected.value()), h.allValues(expected.name()), where + ": " + expected.name());
        }
    }

    private static void waitForPort(int port, Process nginx, Path prefix) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx stopped: " + Files.readString(prefix.resolve("out.log"))
                        + (Files.exists(prefix.resolve("error.log")) ? Files.readString(prefix.resolve("error.log")) : ""));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not start");
    }
}
