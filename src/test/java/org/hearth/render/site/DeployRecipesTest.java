package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deploy recipes in the README stay true: the GitHub Pages workflow is valid YAML that runs
 * the README's build command and publishes the site folder, the README shows that very file, and
 * the nginx example sets the same headers as {@link SitePolicy}.
 */
class DeployRecipesTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** The fenced blocks of one language in a Markdown section, up to the next heading of its level or higher (a single "#" starts a comment in code). */
    private static List<String> blocks(String markdown, String heading, String language) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README has no section " + heading);
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        Matcher next = Pattern.compile("\n#{2," + (level.length() - 1) + "} ").matcher(markdown);
        int end = next.find(start + heading.length() + 1) ? next.start() : markdown.length();
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(markdown.substring(start, end));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The README's build command: the first line of the first block under "Two commands", without its comment. */
    private static String buildCommand() throws IOException {
        String first = blocks(readme(), "## Two commands", "sh").get(0).lines().findFirst().orElseThrow();
        return first.replaceAll("\\s+#.*$", "").strip();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGitHubPagesWorkflowIsValidYamlThatRunsTheReadmesBuildCommand() throws IOException {
        String text = Files.readString(ROOT.resolve("src/docs/deploy/github-pages.yml"), StandardCharsets.UTF_8);
        Map<Object, Object> workflow = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        // YAML 1.1 reads the key 'on' as true; GitHub reads it as 'on'.
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
        assertTrue(on instanceof Map<?, ?> m && m.containsKey("push"), String.valueOf(on));
        Map<String, Object> permissions = (Map<String, Object>) workflow.get("permissions");
        assertEquals("write", permissions.get("pages"));
        assertEquals("write", permissions.get("id-token"));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        List<Map<String, Object>> build = (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("build")).get("steps");
        String command = buildCommand();
        assertEquals("mvn -q -DskipTests package exec:exec", command);
        assertTrue(build.stream().anyMatch(s -> command.equals(s.get("run"))), "the workflow runs " + command + ": " + build);
        Map<String, Object> upload = build.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("actions/upload-pages-artifact@"))
                .findFirst().orElseThrow();
        assertEquals("output/site", ((Map<String, Object>) upload.get("with")).get("path"));
        assertTrue(build.stream().anyMatch(s -> String.valueOf(s.get("uses")).startsWith("actions/setup-java@")));
        Map<String, Object> deploy = (Map<String, Object>) jobs.get("deploy");
        assertEquals("build", deploy.get("needs"));
        assertTrue(((List<Map<String, Object>>) deploy.get("steps")).stream()
                .anyMatch(s -> String.valueOf(s.get("uses")).startsWith("actions/deploy-pages@")));

        assertEquals(List.of(text), blocks(readme(), "### GitHub Pages", "yaml"), "the README shows the workflow file as it is");
    }

    @Test
    void theNginxExampleSetsTheSameHeadersAsTheHeaderFiles() throws IOException {
        List<String> nginx = blocks(readme(), "### nginx", "nginx");
        assertEquals(2, nginx.size());
        Matcher m = Pattern.compile("add_header (\\S+) \"([^\"]*)\" always;").matcher(nginx.get(0));
        List<SitePolicy.Header> set = new ArrayList<>();
        while (m.find()) {
            set.add(new SitePolicy.Header(m.group(1), m.group(2)));
        }
        assertEquals(SitePolicy.SECURITY_HEADERS, set);
        String server = nginx.get(1);
        assertTrue(server.contains("add_header Cache-Control \"" + SitePolicy.CACHE_REVALIDATE + "\" always;"), server);
        assertTrue(server.contains("location ~ \"" + AssetManifest.FINGERPRINTED_SUFFIX + "\" {\n"
                + "        include snippets/hearth-headers.conf;\n"
                + "        add_header Cache-Control \"" + SitePolicy.CACHE_IMMUTABLE + "\" always;"), server);
    }

    @Test
    void everyHostHasARecipeAndTheHeadersCanBeChecked() throws IOException {
        String readme = readme();
        for (String host : List.of("### GitHub Pages", "### Netlify", "### Cloudflare Pages", "### An S3-style bucket", "### Apache",
                "### nginx", "### Checking the headers after deploying")) {
            assertTrue(readme.contains("\n" + host), host);
        }
        assertTrue(blocks(readme, "### Checking the headers after deploying", "sh").get(0).contains("curl -sI "));
        String table = readme.substring(readme.indexOf("**What the headers do.**"), readme.indexOf("### GitHub Pages"));
        for (SitePolicy.Header h : SitePolicy.SECURITY_HEADERS) {
            assertTrue(table.contains("`" + h.name() + "`"), h.name());
        }
        assertTrue(table.contains("`" + SitePolicy.CACHE_IMMUTABLE + "`") && table.contains("`" + SitePolicy.CACHE_REVALIDATE + "`"));
    }
}
