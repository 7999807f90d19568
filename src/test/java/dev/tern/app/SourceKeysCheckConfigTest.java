package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tern check-config} on the keys of the {@code tiktok} and {@code amazon} types and the {@code json} additions. */
final class SourceKeysCheckConfigTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("tern.yml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void acceptsTheNewTypesAndAJsonSourceWithEveryNewKeyWithoutPrintingHeaderValues() throws Exception {
        Path config = write("""
                sources:
                  - { id: tiktok, type: tiktok, keyword: intern }
                  - { id: amazon, type: amazon, keyword: intern, country: USA }
                  - id: tiktok-json
                    type: json
                    url: https://api.lifeattiktok.com/api/v1/public/supplier/search/job/posts
                    method: POST
                    headers: { website-path: tiktok, Authorization: "Bearer ${TERN_TEST_UNSET_VAR:-opaque-cred-42}" }
                    body: { keyword: intern, limit: 50, offset: 0 }
                    items: /data/job_post_list
                    fields:
                      id: /id
                      title: /title
                      url: "https://lifeattiktok.com/search/{/id}"
                      location: [/city_info/en_name, /city_info/parent/en_name]
                      description: [/description, /requirement]
                    paging: { in: body, param: /offset, size: 50, sizeParam: /limit, total: /data/count }
                """);

        CliRun run = CliRun.of("check-config", "-c", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("tiktok").contains("amazon").contains("tiktok-json");
        assertThat(run.out() + run.err()).doesNotContain("opaque-cred-42").doesNotContain("Bearer");
    }

    @Test
    void namesTheYamlPathOfEachProblemWithTheNewKeys() throws Exception {
        Path config = write("""
                sources:
                  - { id: tiktok, type: tiktok, kw: intern }
                  - { id: amazon, type: amazon, country: United States }
                  - id: api
                    type: json
                    url: https://api.example/jobs
                    headers: { Host: api.example }
                    body: '{"offset": 0}'
                    fields: { id: /id, title: [/a, /b], url: "https://x.example/{id}", location: [] }
                    paging: { in: body, param: offset, total: data/count }
                """);

        CliRun run = CliRun.of("check-config", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("sources[0].kw: unknown key 'kw' for type tiktok")
                .contains("sources[1].country: must be the country code amazon.jobs uses")
                .contains("sources[2].headers.Host: is set by Tern's HTTP client itself; remove it")
                .contains("sources[2].body: is only sent with method: POST")
                .contains("sources[2].fields.title: must be one JSON pointer")
                .contains("sources[2].fields.url: the template 'https://x.example/{id}' has {id}")
                .contains("sources[2].fields.location: is an empty list")
                .contains("sources[2].paging.in: body needs method: POST")
                .contains("sources[2].paging.param: with in: body, is a JSON pointer into body such as /offset")
                .contains("sources[2].paging.total: is not a JSON pointer ('data/count')");
    }
}
