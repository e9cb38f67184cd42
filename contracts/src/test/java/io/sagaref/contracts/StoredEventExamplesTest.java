package io.sagaref.contracts;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of stored events ({@code contracts/store/<streamType>/<Type>.v<n>.json},
 * the {@code data} of each version of each type a service keeps in its event store) are
 * well formed: named by type and version, a JSON object each, and every version from 1 to
 * the newest present, since an upcaster turns each into the next and its test needs both.
 */
class StoredEventExamplesTest {

	private static final Pattern NAME = Pattern.compile("([A-Z][A-Za-z]+)\\.v([1-9][0-9]*)\\.json");

	@Test
	void everyExampleIsAJsonObjectNamedByTypeAndVersionWithNoVersionMissing() throws Exception {
		Map<String, TreeSet<Integer>> versions = new TreeMap<>();
		for (Path file : examples()) {
			Matcher name = NAME.matcher(file.getFileName().toString());
			assertThat(name.matches()).as("%s is named <Type>.v<n>.json", file).isTrue();
			assertThat(JsonMapper.builder().build().readTree(Files.readString(file)).isObject()).as("%s", file)
				.isTrue();
			versions.computeIfAbsent(file.getParent().getFileName() + "/" + name.group(1), (type) -> new TreeSet<>())
				.add(Integer.parseInt(name.group(2)));
		}
		assertThat(versions).containsKey("account/AccountOpened");
		versions.forEach((type, present) -> assertThat(List.copyOf(present)).as(type)
			.isEqualTo(IntStream.rangeClosed(1, present.last()).boxed().toList()));
	}

	private static List<Path> examples() throws IOException, URISyntaxException {
		Path store = Path.of(StoredEventExamplesTest.class.getResource("/contracts/store").toURI());
		try (Stream<Path> files = Files.walk(store)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

}
