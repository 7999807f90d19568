package dev.tern.posting;

import dev.tern.config.Category;
import java.util.List;
import java.util.Map;

/**
 * Reads the kind of role a posting is: from the source's own category (Simplify's category, Greenhouse
 * departments, Lever's team, Ashby's department) when one of them names a kind, else from the title, else
 * {@link Category#OTHER}. Words are checked kind by kind in a fixed order, so "Quantitative Developer" is quant
 * before software, "FPGA Design" hardware before design and "Machine Learning Engineer" data-ml before software.
 * Department names that name no kind ("Engineering", "University Recruiting", "Other") leave it to the title.
 */
public final class Categories {

    /** Whole words or phrases of the searchable form ({@link Phrases}), kind by kind, in the order checked. */
    private static final List<Map.Entry<Category, String[]>> RULES = List.of(
            Map.entry(Category.QUANT, new String[] {
                "quant", "quants", "quantitative", "trader", "traders", "trading", "market making", "market maker"
            }),
            Map.entry(Category.HARDWARE, new String[] {
                "hardware",
                "firmware",
                "fpga",
                "asic",
                "embedded",
                "electrical",
                "electronics",
                "mechanical",
                "silicon",
                "semiconductor",
                "semiconductors",
                "chip",
                "vlsi",
                "rtl",
                "pcb",
                "rf",
                "analog",
                "circuit",
                "circuits",
                "design verification",
                "mechatronics"
            }),
            Map.entry(Category.DATA_ML, new String[] {
                "machine learning",
                "ml",
                "ai",
                "artificial intelligence",
                "deep learning",
                "data",
                "data science",
                "analytics",
                "computer vision",
                "nlp",
                "natural language processing",
                "llm",
                "llms",
                "statistics",
                "statistician",
                "mlops"
            }),
            Map.entry(Category.DESIGN, new String[] {
                "design",
                "designer",
                "designers",
                "ux",
                "user experience",
                "user interface",
                "graphic",
                "creative",
                "illustrator"
            }),
            Map.entry(Category.PRODUCT, new String[] {
                "product manager",
                "product management",
                "product owner",
                "pm",
                "apm",
                "program manager",
                "program management",
                "technical program"
            }),
            Map.entry(Category.SOFTWARE, new String[] {
                "software",
                "swe",
                "sde",
                "developer",
                "developers",
                "programmer",
                "programming",
                "backend",
                "back end",
                "frontend",
                "front end",
                "full stack",
                "fullstack",
                "web",
                "mobile",
                "ios",
                "android",
                "devops",
                "site reliability",
                "sre",
                "infrastructure",
                "cloud",
                "security",
                "cybersecurity",
                "platform",
                "forward deployed",
                "coding",
                "computer science"
            }),
            Map.entry(Category.BUSINESS, new String[] {
                "business",
                "finance",
                "financial",
                "accounting",
                "accountant",
                "marketing",
                "sales",
                "operations",
                "strategy",
                "consulting",
                "consultant",
                "investment banking",
                "banking",
                "summer analyst",
                "legal",
                "human resources",
                "hr",
                "people operations",
                "supply chain",
                "audit",
                "tax",
                "economics",
                "communications",
                "partnerships",
                "customer success",
                "business development"
            }));

    private Categories() {}

    /**
     * @param sourceCategories the source's department, team or category names, in order
     * @param title the posting's title
     */
    public static Category read(List<String> sourceCategories, String title) {
        for (String name : sourceCategories) {
            Category category = fromText(name);
            if (category != null) {
                return category;
            }
        }
        Category fromTitle = fromText(title);
        return fromTitle != null ? fromTitle : Category.OTHER;
    }

    /** The first kind whose words the text holds, or null. */
    static Category fromText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String searchable = Phrases.of(text);
        for (Map.Entry<Category, String[]> rule : RULES) {
            if (Phrases.containsAny(searchable, rule.getValue())) {
                return rule.getKey();
            }
        }
        return null;
    }
}
