/// One of the fixed contact fields Mautic ships, with the metadata its API prints under `fields.<group>`.
struct ContactField: Sendable {
    enum Group: String, Sendable, CaseIterable {
        case core, social, personal, professional
    }

    let id: Int
    let alias: String
    let label: String
    let type: String
    let group: Group

    static let all: [ContactField] = [
        ContactField(id: 1, alias: "title", label: "Title", type: "lookup", group: .core),
        ContactField(id: 2, alias: "firstname", label: "First Name", type: "text", group: .core),
        ContactField(id: 3, alias: "lastname", label: "Last Name", type: "text", group: .core),
        ContactField(id: 4, alias: "company", label: "Primary company", type: "text", group: .core),
        ContactField(id: 5, alias: "position", label: "Position", type: "text", group: .core),
        ContactField(id: 6, alias: "email", label: "Email", type: "email", group: .core),
        ContactField(id: 7, alias: "mobile", label: "Mobile", type: "tel", group: .core),
        ContactField(id: 8, alias: "phone", label: "Phone", type: "tel", group: .core),
        ContactField(id: 10, alias: "fax", label: "Fax", type: "tel", group: .core),
        ContactField(id: 11, alias: "address1", label: "Address Line 1", type: "text", group: .core),
        ContactField(id: 12, alias: "address2", label: "Address Line 2", type: "text", group: .core),
        ContactField(id: 13, alias: "city", label: "City", type: "text", group: .core),
        ContactField(id: 14, alias: "state", label: "State", type: "region", group: .core),
        ContactField(id: 15, alias: "zipcode", label: "Zip Code", type: "text", group: .core),
        ContactField(id: 16, alias: "country", label: "Country", type: "country", group: .core),
        ContactField(id: 17, alias: "preferred_locale", label: "Preferred Locale", type: "locale", group: .core),
        ContactField(id: 18, alias: "timezone", label: "Preferred Timezone", type: "timezone", group: .core),
        ContactField(id: 19, alias: "last_active", label: "Date Last Active", type: "datetime", group: .core),
        ContactField(id: 20, alias: "attribution_date", label: "Attribution Date", type: "datetime", group: .core),
        ContactField(id: 21, alias: "attribution", label: "Attribution", type: "number", group: .core),
        ContactField(id: 22, alias: "website", label: "Website", type: "url", group: .core),
        ContactField(id: 23, alias: "facebook", label: "Facebook", type: "text", group: .social),
        ContactField(id: 24, alias: "foursquare", label: "Foursquare", type: "text", group: .social),
        ContactField(id: 25, alias: "instagram", label: "Instagram", type: "text", group: .social),
        ContactField(id: 26, alias: "linkedin", label: "LinkedIn", type: "text", group: .social),
        ContactField(id: 27, alias: "skype", label: "Skype", type: "text", group: .social),
        ContactField(id: 28, alias: "twitter", label: "Twitter", type: "text", group: .social),
    ]

    static let aliases: Set<String> = Set(all.map(\.alias))
}
