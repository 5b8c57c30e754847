import JSON

/// `GET /api/openapi.json`: the sandbox describes what it implements in OpenAPI 3.1, so a shell
/// pointed at it completes Mautic's paths and checks answers against it from the first request.
enum SandboxDescription {
    /// The description with `servers` naming the origin it was asked from.
    static func document(origin: String) -> JSONValue {
        guard case .object(var root) = template else { return template }
        root["servers"] = .array([.object(JSONObject([(key: "url", value: .string(origin))]))])
        return .object(root)
    }

    // A literal written once, parsed once; a test checks it parses and lists every route the sandbox answers.
    private static let template: JSONValue = try! JSONValue.parse(text)

    private static let text = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Mautic sandbox",
        "version": "5.1",
        "description": "The apish sandbox: Mautic's contacts API with its quirks (PUT erases fields it is not given; paging with start/limit; search and where filters), its users/self route, and its three ways to sign in. OAuth 1.0a (/oauth/v1/request_token, /oauth/v1/authorize, /oauth/v1/access_token) has no OpenAPI security scheme; it is accepted wherever the others are."
      },
      "servers": [{"url": "http://127.0.0.1"}],
      "security": [{"basic": []}, {"oauth2": []}],
      "tags": [{"name": "contacts"}, {"name": "users"}],
      "paths": {
        "/api/contacts": {
          "get": {
            "tags": ["contacts"], "operationId": "listContacts", "summary": "List contacts, a page at a time",
            "parameters": [
              {"name": "search", "in": "query", "description": "Mautic's search string: a word, or field:value (email:ada@example.com).", "schema": {"type": "string"}},
              {"name": "start", "in": "query", "description": "How many contacts to skip.", "schema": {"type": "integer", "minimum": 0, "default": 0}},
              {"name": "limit", "in": "query", "description": "How many contacts to return.", "schema": {"type": "integer", "minimum": 1, "default": 30}},
              {"name": "orderBy", "in": "query", "description": "The column to sort by.", "schema": {"type": "string", "default": "id", "examples": ["id", "email", "lastname", "points"]}},
              {"name": "orderByDir", "in": "query", "schema": {"type": "string", "enum": ["ASC", "DESC"], "default": "ASC"}},
              {"name": "minimal", "in": "query", "description": "Only id, points, fields.all and dates.", "schema": {"type": "boolean"}},
              {"name": "publishedOnly", "in": "query", "schema": {"type": "boolean"}}
            ],
            "responses": {
              "200": {"description": "A page of contacts keyed by id, and the total that match", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ContactPage"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/contacts/new": {
          "post": {
            "tags": ["contacts"], "operationId": "createContact", "summary": "Create a contact",
            "requestBody": {"required": true, "content": {
              "application/json": {"schema": {"$ref": "#/components/schemas/ContactFields"}, "example": {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}},
              "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/ContactFields"}}
            }},
            "responses": {
              "201": {"description": "The new contact", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SingleContact"}}}},
              "200": {"description": "A contact with the same email existed: it was updated (Mautic's de-duplication)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SingleContact"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/contacts/{id}": {
          "parameters": [{"$ref": "#/components/parameters/ContactID"}],
          "get": {
            "tags": ["contacts"], "operationId": "getContact", "summary": "Get one contact",
            "responses": {
              "200": {"description": "The contact", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SingleContact"}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/contacts/{id}/edit": {
          "parameters": [{"$ref": "#/components/parameters/ContactID"}],
          "patch": {
            "tags": ["contacts"], "operationId": "editContact", "summary": "Change the fields given, keep the others",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ContactFields"}}}},
            "responses": {
              "200": {"description": "The contact as changed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SingleContact"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          },
          "put": {
            "tags": ["contacts"], "operationId": "replaceContact", "summary": "Replace the contact: fields not given are erased (created when the id is free)",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ContactFields"}}}},
            "responses": {
              "200": {"description": "The contact as replaced", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SingleContact"}}}},
              "201": {"description": "No contact had the id: one was created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SingleContact"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/contacts/{id}/delete": {
          "parameters": [{"$ref": "#/components/parameters/ContactID"}],
          "delete": {
            "tags": ["contacts"], "operationId": "deleteContact", "summary": "Delete a contact (administrators only)",
            "responses": {
              "200": {"description": "The contact as it was, its id null", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SingleContact"}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/contacts/batch/new": {
          "post": {
            "tags": ["contacts"], "operationId": "createContacts", "summary": "Create up to 200 contacts",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ContactFields"}}}}},
            "responses": {
              "201": {"description": "The contacts, a status code each", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchResult"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "500": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/contacts/batch/edit": {
          "patch": {
            "tags": ["contacts"], "operationId": "editContacts", "summary": "Change up to 200 contacts, each naming its id",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ContactFields"}}}}},
            "responses": {
              "200": {"description": "The contacts, a status code each", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchResult"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "500": {"$ref": "#/components/responses/Error"}
            }
          },
          "put": {
            "tags": ["contacts"], "operationId": "replaceContacts", "summary": "Replace up to 200 contacts, each naming its id",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ContactFields"}}}}},
            "responses": {
              "200": {"description": "The contacts, a status code each", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchResult"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "500": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/contacts/batch/delete": {
          "delete": {
            "tags": ["contacts"], "operationId": "deleteContacts", "summary": "Delete up to 200 contacts (administrators only)",
            "parameters": [{"name": "ids", "in": "query", "required": true, "description": "Comma-separated ids.", "schema": {"type": "string"}, "example": "1,2"}],
            "responses": {
              "200": {"description": "The contacts deleted", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchResult"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "500": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/users/self": {
          "get": {
            "tags": ["users"], "operationId": "getSelf", "summary": "The user the request signed in as",
            "responses": {
              "200": {"description": "The user", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}},
              "401": {"$ref": "#/components/responses/Error"}
            }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "basic": {"type": "http", "scheme": "basic", "description": "Mautic's Basic auth: the user's username and password."},
          "oauth2": {"type": "oauth2", "description": "Authorization code (PKCE accepted), client credentials and refresh.", "flows": {
            "authorizationCode": {"authorizationUrl": "/oauth/v2/authorize", "tokenUrl": "/oauth/v2/token", "refreshUrl": "/oauth/v2/token", "scopes": {}},
            "clientCredentials": {"tokenUrl": "/oauth/v2/token", "scopes": {}}
          }}
        },
        "parameters": {
          "ContactID": {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}, "example": 1}
        },
        "responses": {
          "Error": {"description": "Mautic's error list", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}}
        },
        "schemas": {
          "ContactFields": {
            "type": "object",
            "description": "Contact fields by alias.",
            "properties": {
              "firstname": {"type": "string", "example": "Ada"},
              "lastname": {"type": "string", "example": "Lovelace"},
              "email": {"type": "string", "format": "email", "example": "ada@example.com"},
              "company": {"type": "string"},
              "position": {"type": "string"},
              "phone": {"type": "string"},
              "mobile": {"type": "string"},
              "city": {"type": "string"},
              "country": {"type": "string"},
              "points": {"type": "integer"},
              "tags": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
              "owner": {"type": "integer"},
              "overwriteWithBlank": {"type": "boolean"}
            },
            "additionalProperties": true
          },
          "Contact": {
            "type": "object",
            "required": ["id", "points", "fields"],
            "properties": {
              "id": {"type": ["integer", "null"]},
              "points": {"type": "integer"},
              "color": {"type": "null"},
              "isPublished": {"type": "boolean"},
              "dateAdded": {"type": ["string", "null"]},
              "dateModified": {"type": ["string", "null"]},
              "dateIdentified": {"type": ["string", "null"]},
              "fields": {
                "type": "object",
                "required": ["all"],
                "properties": {"all": {"type": "object", "additionalProperties": {"type": ["string", "integer", "null"]}}}
              },
              "owner": {"type": ["object", "null"]},
              "tags": {"type": "array", "items": {"type": "object", "required": ["id", "tag"], "properties": {"id": {"type": "integer"}, "tag": {"type": "string"}}}}
            }
          },
          "SingleContact": {"type": "object", "required": ["contact"], "properties": {"contact": {"$ref": "#/components/schemas/Contact"}}},
          "ContactPage": {
            "type": "object",
            "required": ["total", "contacts"],
            "properties": {
              "total": {"type": "string", "description": "The count of matching contacts, as a string (Mautic's quirk)."},
              "contacts": {"oneOf": [{"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Contact"}}, {"type": "array", "maxItems": 0}]}
            }
          },
          "BatchResult": {
            "type": "object",
            "required": ["contacts"],
            "properties": {
              "contacts": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}},
              "statusCodes": {"type": "array", "items": {"type": "integer"}},
              "errors": {"type": "object"}
            }
          },
          "User": {
            "type": "object",
            "required": ["id", "username", "email", "role"],
            "properties": {
              "id": {"type": "integer"},
              "username": {"type": "string"},
              "firstName": {"type": "string"},
              "lastName": {"type": "string"},
              "email": {"type": "string"},
              "role": {"type": "object", "required": ["name", "isAdmin"], "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "isAdmin": {"type": "boolean"}}}
            }
          },
          "Errors": {
            "type": "object",
            "required": ["errors"],
            "properties": {
              "errors": {"type": "array", "minItems": 1, "items": {
                "type": "object", "required": ["code", "message"],
                "properties": {"code": {"type": "integer"}, "message": {"type": "string"}, "type": {"type": ["string", "null"]}, "details": {"type": "object"}}
              }}
            }
          }
        }
      }
    }
    """#
}
