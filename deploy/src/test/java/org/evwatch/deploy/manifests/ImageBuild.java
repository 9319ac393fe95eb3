package org.evwatch.deploy.manifests;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The settings of the image build: the properties of the root pom's {@code images} profile. */
record ImageBuild(Map<String, String> properties) {

    static ImageBuild load(Path root) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var pom = factory.newDocumentBuilder().parse(root.resolve("pom.xml").toFile());
            NodeList profiles = pom.getElementsByTagName("profile");
            for (int i = 0; i < profiles.getLength(); i++) {
                Element profile = (Element) profiles.item(i);
                if ("images".equals(text(profile, "id"))) {
                    return new ImageBuild(properties(profile));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("reading the root pom.xml", e);
        }
        throw new AssertionError("the root pom.xml has no profile 'images'");
    }

    private static Map<String, String> properties(Element profile) {
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList children = ((Element) profile.getElementsByTagName("properties").item(0)).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element e) {
                properties.put(e.getTagName(), e.getTextContent().trim());
            }
        }
        return properties;
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().trim();
    }

    String property(String name) {
        String value = properties.get(name);
        if (value == null) {
            throw new AssertionError("the images profile sets no " + name);
        }
        return value;
    }

    /** The image the build makes of a service (by its application name) at a version. */
    String image(String applicationName, String version) {
        return property("quarkus.container-image.group") + "/" + applicationName + ":" + version;
    }

    long user() {
        return Long.parseLong(property("quarkus.jib.user"));
    }
}
