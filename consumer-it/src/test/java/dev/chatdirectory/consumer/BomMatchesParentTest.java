package dev.chatdirectory.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM stands alone (a BOM inheriting the parent would hand users every build pin), so it
 * repeats the third-party versions the artifacts are built with; this keeps the two in step.
 */
@DisplayName("The BOM manages the third-party versions the build uses")
class BomMatchesParentTest {

    @Test
    @DisplayName("every version property of the BOM has the parent POM's value")
    void sameVersions() throws Exception {
        Map<String, String> bom = properties(Path.of("../bom/pom.xml"));
        Map<String, String> parent = properties(Path.of("../pom.xml"));

        assertThat(bom).isNotEmpty().containsKeys("jackson.version", "guava.version", "slf4j.version");
        bom.forEach((name, version) ->
                assertThat(parent).as("parent property %s", name).containsEntry(name, version));
    }

    @Test
    @DisplayName("the BOM has no parent")
    void standalone() throws Exception {
        Element project = document(Path.of("../bom/pom.xml"));

        assertThat(project.getElementsByTagName("parent").getLength()).isZero();
    }

    private static Map<String, String> properties(Path pom) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList blocks = document(pom).getElementsByTagName("properties");
        for (int b = 0; b < blocks.getLength(); b++) {
            NodeList children = blocks.item(b).getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    properties.put(child.getNodeName(), child.getTextContent().strip());
                }
            }
        }
        return properties;
    }

    private static Element document(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }
}
