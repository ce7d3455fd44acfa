package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code .htaccess} in a real Apache: with mod_headers and mod_expires every file
 * gets the policy's headers and its cache rule; without them the site is still served (each part
 * sits in {@code <IfModule>}), not an error 500. Under {@code CI=true} a missing Apache fails.
 */
class ApacheHtaccessTest {

    static final Path APACHE = Path.of("/usr/sbin/apache2");
    static final Path MODULES = Path.of("/usr/lib/apache2/modules");

    @TempDir
    Path tmp;
    Path www;
    List<String> files;

    @BeforeEach
    void build() throws IOException {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(Files.isExecutable(APACHE), "CI must install apache2-bin (see .ci/run)");
        }
        assumeTrue(Files.isExecutable(APACHE), "Apache is not installed");
        Path content = Golden.copyContent("basic", tmp.resolve("content"));
        Files.writeString(content.resolve("workbook.yml"), Files.readString(content.resolve("workbook.yml"))
                + "base_url: https://example.org/workbook/\n");
        Path root = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
        new Hearth(tmp).build(new BuildRequest(content, root.resolve("templates"), tmp.resolve("out"), true, false,
                PrintOptions.DEFAULT, Overrides.NONE, null));
        www = tmp.resolve("www");
        Files.createDirectories(www);
        Files.move(tmp.resolve("out/site"), www.resolve("workbook"));
        try (Stream<Path> s = Files.walk(www.resolve("workbook"))) {
            files = s.filter(Files::isRegularFile).map(p -> www.resolve("workbook").relativize(p).toString()).sorted()
                    .filter(f -> !f.equals("_headers") && !f.equals(".htaccess")).toList();
        }
        // Apache's workers run as www-data when started as root: they must be able to read the site.
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** Starts Apache on a free loopback port with the given modules and returns the process and port. */
    private Process apache(int port, List<String> modules) throws Exception {
        StringBuilder conf = new StringBuilder()
                .append("ServerRoot \"").append(tmp).append("\"\nServerName localhost\nListen 127.0.0.1:").append(port).append('\n')
                .append("PidFile ").append(tmp.resolve("httpd.pid")).append("\nErrorLog ").append(tmp.resolve("error.log")).append('\n')
                .append("DefaultRuntimeDir ").append(tmp).append('\n');
        for (String m : modules) {
            conf.append("LoadModule ").append(m).append("_module ").append(MODULES.resolve("mod_" + m + ".so")).append('\n');
        }
        if (System.getProperty("user.name").equals("root")) {
            conf.append("User www-data\nGroup www-data\n");
        }
        conf.append("TypesConfig /etc/mime.types\nDirectoryIndex index.html\nDocumentRoot \"").append(www).append("\"\n")
                .append("<Directory \"").append(www).append("\">\n  AllowOverride FileInfo Indexes\n  Require all granted\n</Directory>\n")
                .append("ErrorDocument 404 /workbook/404.html\n");
        Path file = tmp.resolve("httpd-" + port + ".conf");
        Files.writeString(file, conf);
        // In its own session: on shutdown Apache signals its whole process group, which would
        // otherwise be this JVM's (and Maven's).
        Process p = new ProcessBuilder("setsid", APACHE.toString(), "-f", file.toString(), "-DFOREGROUND").redirectErrorStream(true)
                .redirectOutput(tmp.resolve("apache-" + port + ".log").toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new AssertionError("Apache stopped: " + Files.readString(tmp.resolve("apache-" + port + ".log"))
                        + (Files.exists(tmp.resolve("error.log")) ? Files.readString(tmp.resolve("error.log")) : ""));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        p.destroy();
        throw new AssertionError("Apache did not start");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/workbook/" + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withItsModulesApacheSendsEveryHeaderAndCacheRule() throws Exception {
        int port = freePort();
        Process p = apache(port, List.of("mpm_prefork", "authz_core", "mime", "dir", "headers", "expires"));
        try {
            List<String> urls = new ArrayList<>(files);
            urls.add("");
            for (String f : urls) {
                HttpResponse<String> r = get(port, f);
                assertEquals(200, r.statusCode(), f);
                for (SitePolicy.Header h : SitePolicy.SECURITY_HEADERS) {
                    assertEquals(List.of(h.value()), r.headers().allValues(h.name()), f + ": " + h.name());
                }
                assertEquals(List.of(f.startsWith("assets/") ? SitePolicy.CACHE_IMMUTABLE : SitePolicy.CACHE_REVALIDATE),
                        r.headers().allValues("Cache-Control"), f);
                assertEquals(1, r.headers().allValues("Expires").size(), f);
            }
            HttpResponse<String> missing = get(port, "nope.html");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("This page is not here"));
            assertEquals(List.of(SitePolicy.HEADER_CSP), missing.headers().allValues("Content-Security-Policy"), "'always' covers errors");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void withoutThemTheSiteIsStillServed() throws Exception {
        int port = freePort();
        Process p = apache(port, List.of("mpm_prefork", "authz_core", "mime", "dir"));
        try {
            for (String f : List.of("", "index.html", files.stream().filter(x -> x.endsWith(".css")).findFirst().orElseThrow())) {
                HttpResponse<String> r = get(port, f);
                assertEquals(200, r.statusCode(), f);
                assertTrue(r.headers().allValues("Content-Security-Policy").isEmpty());
            }
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
