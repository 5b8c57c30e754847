/// File and profile names made from the names people give folders and requests.
enum NameSlug {
    /// Lower-case letters, digits and `-`; never empty.
    static func make(_ name: String, fallback: String = "item") -> String {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? fallback : slug
    }

    /// `slug`, or `slug-2`, `slug-3`… when taken.
    static func unique(_ slug: String, in taken: inout Set<String>) -> String {
        var candidate = slug
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// A variable name Hurl accepts (`[A-Za-z_][A-Za-z0-9_-]*`).
    static func variable(_ name: String) -> String {
        var result = make(name, fallback: "value").replacing("-", with: "_")
        if let first = result.unicodeScalars.first, ("0"..."9").contains(first) { result = "_" + result }
        return result
    }
}
