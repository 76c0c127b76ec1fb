/**
 * The Switchboard API as the console sees it: generated from the served
 * OpenAPI document by `npm run console:api-types`. Do not edit; CI fails
 * when this file and the API's document differ (test/api/openapi-types.test.ts).
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postgres and Temporal are reachable (503 otherwise) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the web console needs before sign-in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            temporalUiUrl: string | null;
                            temporalNamespace: string;
                            /** @description POST /v1/dev/token is available (the server signs with the development secret) */
                            devSignIn: boolean;
                            /** @description The kinds of case this server runs */
                            caseKinds: ("order" | "complaint")[];
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dev/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Development only: a staff token for whoever asks (404 unless the server signs with the development secret) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Staff id */
                        sub: string;
                        name?: string;
                        roles: ("frontoffice" | "agent" | "technician" | "supervisor" | "branch_leader" | "general_manager" | "operator" | "admin")[];
                        dept?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339 with an offset (Z preferred), years 1900–2999, offset at most ±14:59
                             */
                            expiresAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer; phone and idNumber are masked for roles that do not serve the customer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            type: string;
                            tier: string;
                            /** @description Masked unless the caller serves the customer */
                            phone: string;
                            idNumber: string | null;
                            /** @description Whether phone and idNumber are masked for this caller */
                            masked: boolean;
                            account: {
                                arrearsFen: number;
                                balanceFen: number;
                                monthlyRevenueFen: number | null;
                                agreementEndsAt: string | null;
                                noArrearsSinceMonths: number | null;
                                paymentMethod: string | null;
                                points: number;
                            } | null;
                            services: {
                                id: string;
                                kind: string;
                                address: string;
                                region: string;
                                number: string | null;
                                status: string;
                                numberChangeBlocked: boolean;
                                monthlyRentFen: number | null;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Create or replace a customer with its account (and services, when given) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {unknown} */
                        type: "individual" | "group";
                        /** @enum {unknown} */
                        tier: "A1" | "A2" | "B1" | "B2" | "C" | "diamond" | "gold" | "silver" | "standard";
                        phone: string;
                        idNumber?: string | null;
                        account: {
                            /** @description Outstanding arrears (fen) */
                            arrearsFen: number;
                            /** @description Account balance (fen; may be negative) */
                            balanceFen: number;
                            monthlyRevenueFen?: number | null;
                            agreementEndsAt?: string | null;
                            noArrearsSinceMonths?: number | null;
                            paymentMethod?: string | null;
                            /** @description Points collected (redeemable when the customer leaves); absent: 0 */
                            points?: number;
                        };
                        /** @description When given, replaces the customer's services */
                        services?: {
                            /** @description Opaque id: letters, digits, _ and -, 1..64 */
                            id: string;
                            kind: string;
                            address: string;
                            /** @enum {unknown} */
                            region: "urban" | "rural";
                            number?: string | null;
                            status: string;
                            monthlyRentFen?: number | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            type: string;
                            tier: string;
                            /** @description Masked unless the caller serves the customer */
                            phone: string;
                            idNumber: string | null;
                            /** @description Whether phone and idNumber are masked for this caller */
                            masked: boolean;
                            account: {
                                arrearsFen: number;
                                balanceFen: number;
                                monthlyRevenueFen: number | null;
                                agreementEndsAt: string | null;
                                noArrearsSinceMonths: number | null;
                                paymentMethod: string | null;
                                points: number;
                            } | null;
                            services: {
                                id: string;
                                kind: string;
                                address: string;
                                region: string;
                                number: string | null;
                                status: string;
                                numberChangeBlocked: boolean;
                                monthlyRentFen: number | null;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            type: string;
                            tier: string;
                            /** @description Masked unless the caller serves the customer */
                            phone: string;
                            idNumber: string | null;
                            /** @description Whether phone and idNumber are masked for this caller */
                            masked: boolean;
                            account: {
                                arrearsFen: number;
                                balanceFen: number;
                                monthlyRevenueFen: number | null;
                                agreementEndsAt: string | null;
                                noArrearsSinceMonths: number | null;
                                paymentMethod: string | null;
                                points: number;
                            } | null;
                            services: {
                                id: string;
                                kind: string;
                                address: string;
                                region: string;
                                number: string | null;
                                status: string;
                                numberChangeBlocked: boolean;
                                monthlyRentFen: number | null;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders the caller may see, newest first (keyset pagination) */
        get: {
            parameters: {
                query?: {
                    type?: "new_install" | "relocation" | "ownership_transfer" | "cancellation" | "refund" | "fault_repair";
                    state?: "acknowledged" | "inProgress" | "pending" | "held" | "completed" | "cancelled" | "rejected" | "failed";
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    customerId?: string;
                    /** @description true: only orders with a breached SLA clock; false: only those without */
                    breached?: boolean;
                    /** @description Page size (default 50, max 200) */
                    limit?: number;
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                type: string;
                                /** @description TMF622 state: acknowledged, inProgress, pending, held, completed, cancelled, rejected, failed */
                                state: string;
                                stage: string;
                                outcome: string | null;
                                stateReason: string | null;
                                customerId: string;
                                createdBy: string;
                                createdAt: string;
                                updatedAt: string;
                                /** @description Type-specific; phone numbers, identity numbers and addresses are masked for roles that do not serve the customer */
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Open an order (Idempotency-Key honoured) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and body: the same order (200). Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description Body by `type` (new_install, relocation, ownership_transfer, cancellation, refund, fault_repair); only types with a running process are accepted (others: 422). */
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "new_install";
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        customerId: string;
                        /** @enum {unknown} */
                        product: "broadband" | "fixed_line" | "bundle";
                        /**
                         * @description How the line reaches the premises
                         * @enum {unknown}
                         */
                        accessType: "xdsl" | "lan" | "ftth";
                        installAddress: {
                            /** @description Postal address */
                            text: string;
                            /**
                             * @description Urban or rural: drives the SLA durations
                             * @enum {unknown}
                             */
                            region: "urban" | "rural";
                        };
                        contact: {
                            name: string;
                            /** @description Phone number */
                            phone: string;
                            email?: string;
                            /** @description Mailing address */
                            address?: string;
                            postcode?: string;
                        };
                        identity: {
                            /**
                             * @description individual; sme (中小企业); corporate (政企)
                             * @enum {unknown}
                             */
                            applicant: "individual" | "sme" | "corporate";
                            /** @description The applicant's personal ID, or the company handler's (经办人) */
                            idDocument: {
                                /** @enum {unknown} */
                                type: "resident_id" | "passport" | "mainland_travel_permit" | "other";
                                number: string;
                                /** @description Issued in this city (false: a non-local ID, 外地身份证) */
                                local: boolean;
                            };
                            /** @description 营业执照, the business licence */
                            businessLicence?: {
                                number: string;
                            };
                            /** @description 企业名称预先核准通知书, for a company whose licence is not yet issued */
                            namePreApprovalNotice?: {
                                number: string;
                            };
                        };
                        /** @description Monthly fee of the package (fen) */
                        monthlyFeeFen: number;
                        /**
                         * @description Default postpaid
                         * @enum {unknown}
                         */
                        billing?: "postpaid" | "prepaid";
                        /** @description Package fees prestored at the counter (预存); refunded if the order does not complete */
                        prepayment?: {
                            amountFen: number;
                            /** @description Receipt of the payment taken at the counter */
                            reference: string;
                        };
                    } | {
                        /** @enum {string} */
                        type: "relocation";
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        customerId: string;
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        serviceId: string;
                        newAddress: {
                            /** @description Postal address */
                            text: string;
                            /**
                             * @description Urban or rural: drives the SLA durations
                             * @enum {unknown}
                             */
                            region: "urban" | "rural";
                        };
                        /** @description true: the line keeps its number and may never change it (seed 000 L229); false: a new number */
                        keepNumber: boolean;
                        /**
                         * @description Access at the new address (default ftth)
                         * @enum {unknown}
                         */
                        accessType?: "xdsl" | "lan" | "ftth";
                    } | {
                        /** @enum {string} */
                        type: "ownership_transfer";
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        customerId: string;
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        serviceId: string;
                        /** @description { customerId } of an existing customer, or { customer } for a new identity */
                        newOwner: {
                            /** @description Opaque id: letters, digits, _ and -, 1..64 */
                            customerId: string;
                        } | {
                            customer: {
                                name: string;
                                /** @enum {unknown} */
                                type: "individual" | "group";
                                /** @description Phone number */
                                phone: string;
                                /** @description Identity number, or the unified social credit code of a company */
                                idNumber: string;
                            };
                        };
                    } | {
                        /** @enum {string} */
                        type: "cancellation";
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        customerId: string;
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        serviceId: string;
                        /**
                         * @description Why the customer leaves
                         * @enum {unknown}
                         */
                        reasonCode: "price" | "quality" | "moving_away" | "competitor" | "no_longer_needed" | "other";
                        /** @description The reason in the customer's words: it must be recorded (seed 000 L239) */
                        reasonText: string;
                        /**
                         * @description Where the customer asked to leave
                         * @enum {unknown}
                         */
                        channel: "hall" | "hotline" | "customer_manager" | "online" | "letter" | "visit";
                        /** @description The customer asks to redeem the account's points (seed 000 L243) */
                        redeemPoints?: boolean;
                    } | {
                        /** @enum {string} */
                        type: "refund";
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        customerId: string;
                        /** @description Amount to refund, integer fen */
                        amountFen: number;
                        /** @enum {unknown} */
                        cause: "billing_error" | "line_fault" | "one_time_fee" | "billing_dispute" | "service_problem" | "cancellation_balance" | "prepayment" | "roaming_deposit" | "late_fee_waiver" | "other";
                        description: string;
                        invoice: {
                            /** @description false: the invoice is lost, a finance proof step is added */
                            provided: boolean;
                            number?: string;
                        };
                        evidence?: string[];
                        rectification?: string;
                    } | {
                        /** @enum {string} */
                        type: "fault_repair";
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        customerId: string;
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        serviceId: string;
                        /** @description What the customer reports: no dial tone, no sync, slow… */
                        symptom: string;
                        /**
                         * Format: date-time
                         * @description When the customer reported the fault (RFC 3339; not later than now). The repair promise runs from it; default: when the order is opened
                         */
                        reportedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            type: string;
                            /** @description TMF622 state: acknowledged, inProgress, pending, held, completed, cancelled, rejected, failed */
                            state: string;
                            stage: string;
                            outcome: string | null;
                            stateReason: string | null;
                            customerId: string;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            /** @description Type-specific; phone numbers, identity numbers and addresses are masked for roles that do not serve the customer */
                            data: {
                                [key: string]: unknown;
                            };
                            sla: {
                                /** @description SLA policy key */
                                key: string;
                                startedAt: string;
                                dueAt: string;
                                /** @description When the clock reaches jeopardy */
                                jeopardyAt: string;
                                jeopardy: boolean;
                                breached: boolean;
                                stoppedAt: string | null;
                            }[];
                            pendingTasks: {
                                id: string;
                                kind: string;
                                role: string;
                                assignee: string | null;
                                dueAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            type: string;
                            /** @description TMF622 state: acknowledged, inProgress, pending, held, completed, cancelled, rejected, failed */
                            state: string;
                            stage: string;
                            outcome: string | null;
                            stateReason: string | null;
                            customerId: string;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            /** @description Type-specific; phone numbers, identity numbers and addresses are masked for roles that do not serve the customer */
                            data: {
                                [key: string]: unknown;
                            };
                            sla: {
                                /** @description SLA policy key */
                                key: string;
                                startedAt: string;
                                dueAt: string;
                                /** @description When the clock reaches jeopardy */
                                jeopardyAt: string;
                                jeopardy: boolean;
                                breached: boolean;
                                stoppedAt: string | null;
                            }[];
                            pendingTasks: {
                                id: string;
                                kind: string;
                                role: string;
                                assignee: string | null;
                                dueAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            type: string;
                            /** @description TMF622 state: acknowledged, inProgress, pending, held, completed, cancelled, rejected, failed */
                            state: string;
                            stage: string;
                            outcome: string | null;
                            stateReason: string | null;
                            customerId: string;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            /** @description Type-specific; phone numbers, identity numbers and addresses are masked for roles that do not serve the customer */
                            data: {
                                [key: string]: unknown;
                            };
                            sla: {
                                /** @description SLA policy key */
                                key: string;
                                startedAt: string;
                                dueAt: string;
                                /** @description When the clock reaches jeopardy */
                                jeopardyAt: string;
                                jeopardy: boolean;
                                breached: boolean;
                                stoppedAt: string | null;
                            }[];
                            pendingTasks: {
                                id: string;
                                kind: string;
                                role: string;
                                assignee: string | null;
                                dueAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit timeline of an order, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            actor: string;
                            kind: string;
                            detail: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask to cancel an order: 202 while it is cancellable, 409 past the point of no return or when finished */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            type: string;
                            state: string;
                            stage: string;
                            outcome: string | null;
                            stateReason: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks, oldest first (or soonest deadline first with sort=dueAt). Without role/assignee/caseId: open and claimed tasks the caller may act on (their roles — a department task only for its department — or assigned to them). With them: the matching tasks the caller may see. */
        get: {
            parameters: {
                query?: {
                    /** @description Default: open and claimed */
                    state?: "open" | "claimed" | "completed" | "escalated" | "cancelled";
                    role?: string;
                    /** @description `me` or a staff id */
                    assignee?: string;
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    caseId?: string;
                    /** @description Task kind, e.g. approve_refund */
                    kind?: string;
                    /** @description Type of the case the task belongs to */
                    caseType?: "new_install" | "relocation" | "ownership_transfer" | "cancellation" | "refund" | "fault_repair" | "complaint";
                    /** @description createdAt: oldest first; dueAt: soonest deadline first, tasks without one last */
                    sort?: "createdAt" | "dueAt";
                    /** @description Page size (default 50, max 200) */
                    limit?: number;
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                caseId: string;
                                caseType: string;
                                kind: string;
                                /** @description The role that may complete the task */
                                role: string;
                                assignee: string | null;
                                department: string | null;
                                owner: string | null;
                                /** @description open | claimed | completed | escalated | cancelled */
                                state: string;
                                createdAt: string;
                                dueAt: string | null;
                                jeopardyAt?: string | null;
                                outcomes: string[];
                                /** @description The task approves money: an admin may not complete it */
                                approvesMoney: boolean;
                                /** @description outcome → JSON Schema of the data that outcome needs */
                                form: {
                                    [key: string]: unknown;
                                };
                                data: {
                                    [key: string]: unknown;
                                };
                                outcome?: string | null;
                                comment?: string | null;
                                result?: {
                                    [key: string]: unknown;
                                } | null;
                                completedBy?: string | null;
                                completedAt?: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            caseType: string;
                            kind: string;
                            /** @description The role that may complete the task */
                            role: string;
                            assignee: string | null;
                            department: string | null;
                            owner: string | null;
                            /** @description open | claimed | completed | escalated | cancelled */
                            state: string;
                            createdAt: string;
                            dueAt: string | null;
                            jeopardyAt?: string | null;
                            outcomes: string[];
                            /** @description The task approves money: an admin may not complete it */
                            approvesMoney: boolean;
                            /** @description outcome → JSON Schema of the data that outcome needs */
                            form: {
                                [key: string]: unknown;
                            };
                            data: {
                                [key: string]: unknown;
                            };
                            outcome?: string | null;
                            comment?: string | null;
                            result?: {
                                [key: string]: unknown;
                            } | null;
                            completedBy?: string | null;
                            completedAt?: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim a task (200; 409 if someone else holds it or it is no longer open) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            caseType: string;
                            kind: string;
                            /** @description The role that may complete the task */
                            role: string;
                            assignee: string | null;
                            department: string | null;
                            owner: string | null;
                            /** @description open | claimed | completed | escalated | cancelled */
                            state: string;
                            createdAt: string;
                            dueAt: string | null;
                            jeopardyAt?: string | null;
                            outcomes: string[];
                            /** @description The task approves money: an admin may not complete it */
                            approvesMoney: boolean;
                            /** @description outcome → JSON Schema of the data that outcome needs */
                            form: {
                                [key: string]: unknown;
                            };
                            data: {
                                [key: string]: unknown;
                            };
                            outcome?: string | null;
                            comment?: string | null;
                            result?: {
                                [key: string]: unknown;
                            } | null;
                            completedBy?: string | null;
                            completedAt?: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a claimed task back (only its holder; an owned task never: 403) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            caseType: string;
                            kind: string;
                            /** @description The role that may complete the task */
                            role: string;
                            assignee: string | null;
                            department: string | null;
                            owner: string | null;
                            /** @description open | claimed | completed | escalated | cancelled */
                            state: string;
                            createdAt: string;
                            dueAt: string | null;
                            jeopardyAt?: string | null;
                            outcomes: string[];
                            /** @description The task approves money: an admin may not complete it */
                            approvesMoney: boolean;
                            /** @description outcome → JSON Schema of the data that outcome needs */
                            form: {
                                [key: string]: unknown;
                            };
                            data: {
                                [key: string]: unknown;
                            };
                            outcome?: string | null;
                            comment?: string | null;
                            result?: {
                                [key: string]: unknown;
                            } | null;
                            completedBy?: string | null;
                            completedAt?: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a task with an outcome. 403 wrong role or department; 409 finished or held by another; 422 outcome not allowed or data invalid for form[outcome] */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        outcome: string;
                        comment?: string;
                        /** @description Validated against form[outcome] */
                        data?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            task: {
                                id: string;
                                caseId: string;
                                caseType: string;
                                kind: string;
                                /** @description The role that may complete the task */
                                role: string;
                                assignee: string | null;
                                department: string | null;
                                owner: string | null;
                                /** @description open | claimed | completed | escalated | cancelled */
                                state: string;
                                createdAt: string;
                                dueAt: string | null;
                                jeopardyAt?: string | null;
                                outcomes: string[];
                                /** @description The task approves money: an admin may not complete it */
                                approvesMoney: boolean;
                                /** @description outcome → JSON Schema of the data that outcome needs */
                                form: {
                                    [key: string]: unknown;
                                };
                                data: {
                                    [key: string]: unknown;
                                };
                                outcome?: string | null;
                                comment?: string | null;
                                result?: {
                                    [key: string]: unknown;
                                } | null;
                                completedBy?: string | null;
                                completedAt?: string | null;
                            };
                            case: {
                                id: string;
                                type: string;
                                state: string;
                                stage: string;
                                outcome: string | null;
                                stateReason: string | null;
                            };
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SLA policies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            /** @description ISO 8601 duration (PT4H, P2D, PT2S) */
                            duration: string;
                            /** @description continuous | working */
                            calendar: string;
                            jeopardyRatio: number;
                        }[];
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/sla/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change an SLA policy (applies to clocks started after the change); keys are fixed */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 8601 duration; years and months are refused */
                        duration: string;
                        /** @enum {unknown} */
                        calendar?: "continuous" | "working";
                        /** @description Strictly between 0 and 1 */
                        jeopardyRatio?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            /** @description ISO 8601 duration (PT4H, P2D, PT2S) */
                            duration: string;
                            /** @description continuous | working */
                            calendar: string;
                            jeopardyRatio: number;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/refund-approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The refund approval levels */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            levels: {
                                /** @description Applies when the month-to-date total is below this (fen); absent on the last level */
                                belowFen?: number;
                                /** @description supervisor | branch_leader | general_manager */
                                role: string;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Change the refund approval levels */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        levels: {
                            /** @description Applies when the month-to-date total is below this (fen); absent on the last level */
                            belowFen?: number;
                            /** @description supervisor | branch_leader | general_manager */
                            role: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            levels: {
                                /** @description Applies when the month-to-date total is below this (fen); absent on the last level */
                                belowFen?: number;
                                /** @description supervisor | branch_leader | general_manager */
                                role: string;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/retention-offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The retention offers of a cancellation and who may receive them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The catalogue; each offer at most once */
                            offers: ({
                                /** @enum {string} */
                                code: "loyalty_credit";
                                /** @description Least monthly revenue (fen) to qualify */
                                minMonthlyRevenueFen: number;
                                /** @description Months without arrears needed */
                                arrearsFreeMonths: number;
                                /** @description Months the customer commits to stay */
                                commitmentMonths: number;
                                /** @description Monthly credit cap, percent of the monthly revenue */
                                maxCreditPercent: number;
                            } | {
                                /** @enum {string} */
                                code: "fee_discount";
                                /** @description Months the customer commits to stay */
                                commitmentMonths: number;
                                /** @description Discount on the monthly fee, percent, by tier */
                                percentByTier: {
                                    A1?: number;
                                    A2?: number;
                                    B1?: number;
                                    B2?: number;
                                    C?: number;
                                    diamond?: number;
                                    gold?: number;
                                    silver?: number;
                                    standard?: number;
                                };
                            } | {
                                /** @enum {string} */
                                code: "speed_upgrade";
                                /** @description Months the customer commits to stay */
                                commitmentMonths: number;
                                /** @description Line speed offered, Mbps, by tier */
                                mbpsByTier: {
                                    A1?: number;
                                    A2?: number;
                                    B1?: number;
                                    B2?: number;
                                    C?: number;
                                    diamond?: number;
                                    gold?: number;
                                    silver?: number;
                                    standard?: number;
                                };
                            })[];
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Change the retention offers of a cancellation and who may receive them */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The catalogue; each offer at most once */
                        offers: ({
                            /** @enum {string} */
                            code: "loyalty_credit";
                            /** @description Least monthly revenue (fen) to qualify */
                            minMonthlyRevenueFen: number;
                            /** @description Months without arrears needed */
                            arrearsFreeMonths: number;
                            /** @description Months the customer commits to stay */
                            commitmentMonths: number;
                            /** @description Monthly credit cap, percent of the monthly revenue */
                            maxCreditPercent: number;
                        } | {
                            /** @enum {string} */
                            code: "fee_discount";
                            /** @description Months the customer commits to stay */
                            commitmentMonths: number;
                            /** @description Discount on the monthly fee, percent, by tier */
                            percentByTier: {
                                A1?: number;
                                A2?: number;
                                B1?: number;
                                B2?: number;
                                C?: number;
                                diamond?: number;
                                gold?: number;
                                silver?: number;
                                standard?: number;
                            };
                        } | {
                            /** @enum {string} */
                            code: "speed_upgrade";
                            /** @description Months the customer commits to stay */
                            commitmentMonths: number;
                            /** @description Line speed offered, Mbps, by tier */
                            mbpsByTier: {
                                A1?: number;
                                A2?: number;
                                B1?: number;
                                B2?: number;
                                C?: number;
                                diamond?: number;
                                gold?: number;
                                silver?: number;
                                standard?: number;
                            };
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The catalogue; each offer at most once */
                            offers: ({
                                /** @enum {string} */
                                code: "loyalty_credit";
                                /** @description Least monthly revenue (fen) to qualify */
                                minMonthlyRevenueFen: number;
                                /** @description Months without arrears needed */
                                arrearsFreeMonths: number;
                                /** @description Months the customer commits to stay */
                                commitmentMonths: number;
                                /** @description Monthly credit cap, percent of the monthly revenue */
                                maxCreditPercent: number;
                            } | {
                                /** @enum {string} */
                                code: "fee_discount";
                                /** @description Months the customer commits to stay */
                                commitmentMonths: number;
                                /** @description Discount on the monthly fee, percent, by tier */
                                percentByTier: {
                                    A1?: number;
                                    A2?: number;
                                    B1?: number;
                                    B2?: number;
                                    C?: number;
                                    diamond?: number;
                                    gold?: number;
                                    silver?: number;
                                    standard?: number;
                                };
                            } | {
                                /** @enum {string} */
                                code: "speed_upgrade";
                                /** @description Months the customer commits to stay */
                                commitmentMonths: number;
                                /** @description Line speed offered, Mbps, by tier */
                                mbpsByTier: {
                                    A1?: number;
                                    A2?: number;
                                    B1?: number;
                                    B2?: number;
                                    C?: number;
                                    diamond?: number;
                                    gold?: number;
                                    silver?: number;
                                    standard?: number;
                                };
                            })[];
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The working calendar for a range of days (overrides and the weekday rule) */
        get: {
            parameters: {
                query: {
                    /** @description yyyy-mm-dd, a real day in 1900–2999 */
                    from: string;
                    /** @description yyyy-mm-dd, inclusive; at most 367 days from `from` */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every day of the range, in order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            day: string;
                            working: boolean;
                            note: string | null;
                            /** @description false: the weekday rule (Mon–Fri working) applies */
                            override: boolean;
                        }[];
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/{day}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a day is a working day (the override, or the weekday rule) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description yyyy-mm-dd, a real day in 1900–2999 */
                    day: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            day: string;
                            working: boolean;
                            note: string | null;
                            /** @description false: the weekday rule (Mon–Fri working) applies */
                            override: boolean;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Override the weekday rule for a day (public holiday, make-up working day) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description yyyy-mm-dd, a real day in 1900–2999 */
                    day: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        working: boolean;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            day: string;
                            working: boolean;
                            note: string | null;
                            /** @description false: the weekday rule (Mon–Fri working) applies */
                            override: boolean;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hub": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Subscribers with their delivery health, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (default 50, max 200) */
                    limit?: number;
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                callback: string;
                                query: string | null;
                                personalData: boolean;
                                createdBy: string;
                                createdAt: string;
                                health: {
                                    /** @description Paused after repeated failures: nothing is posted until POST /v1/hub/{id}/resume */
                                    paused: boolean;
                                    pausedAt: string | null;
                                    /** @description Events not yet delivered */
                                    pending: number;
                                    delivered: number;
                                    /** @description Failed posts, all time */
                                    failedAttempts: number;
                                    /** @description Failed posts since the last delivery or resume */
                                    consecutiveFailures: number;
                                    lastError: string | null;
                                    lastErrorAt: string | null;
                                    lastDeliveredAt: string | null;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Register a subscriber: events are posted, signed, to {callback}/listener/{eventName} */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http(s) URL without credentials, query or fragment; events are posted to {callback}/listener/{eventName} */
                        callback: string;
                        /** @description Which events: `eventType=A,B&caseType=c,d` (each key once; absent or empty: every event). eventType ∈ OrderCreateEvent, OrderStateChangeEvent, ComplaintCreateEvent, ComplaintStatusChangeEvent, TaskCreateEvent, TaskCompleteEvent, SlaJeopardyEvent, SlaBreachEvent; caseType ∈ new_install, relocation, ownership_transfer, cancellation, refund, fault_repair, complaint */
                        query?: string;
                        /** @description The HMAC key of X-Switchboard-Signature (printable ASCII, no spaces); absent: one is generated and returned once */
                        secret?: string;
                        /**
                         * @description true: phone and identity numbers, addresses and names unmasked in events (admin only)
                         * @default false
                         */
                        personalData?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            callback: string;
                            query: string | null;
                            personalData: boolean;
                            createdBy: string;
                            createdAt: string;
                            health: {
                                /** @description Paused after repeated failures: nothing is posted until POST /v1/hub/{id}/resume */
                                paused: boolean;
                                pausedAt: string | null;
                                /** @description Events not yet delivered */
                                pending: number;
                                delivered: number;
                                /** @description Failed posts, all time */
                                failedAttempts: number;
                                /** @description Failed posts since the last delivery or resume */
                                consecutiveFailures: number;
                                lastError: string | null;
                                lastErrorAt: string | null;
                                lastDeliveredAt: string | null;
                            };
                            /** @description The generated secret, shown this once (absent when the request gave one) */
                            secret?: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hub/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscriber with its delivery health */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            callback: string;
                            query: string | null;
                            personalData: boolean;
                            createdBy: string;
                            createdAt: string;
                            health: {
                                /** @description Paused after repeated failures: nothing is posted until POST /v1/hub/{id}/resume */
                                paused: boolean;
                                pausedAt: string | null;
                                /** @description Events not yet delivered */
                                pending: number;
                                delivered: number;
                                /** @description Failed posts, all time */
                                failedAttempts: number;
                                /** @description Failed posts since the last delivery or resume */
                                consecutiveFailures: number;
                                lastError: string | null;
                                lastErrorAt: string | null;
                                lastDeliveredAt: string | null;
                            };
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a subscriber; what it has not received yet is dropped */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hub/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver again to a paused subscriber: it catches up on what it missed, in order */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            callback: string;
                            query: string | null;
                            personalData: boolean;
                            createdBy: string;
                            createdAt: string;
                            health: {
                                /** @description Paused after repeated failures: nothing is posted until POST /v1/hub/{id}/resume */
                                paused: boolean;
                                pausedAt: string | null;
                                /** @description Events not yet delivered */
                                pending: number;
                                delivered: number;
                                /** @description Failed posts, all time */
                                failedAttempts: number;
                                /** @description Failed posts since the last delivery or resume */
                                consecutiveFailures: number;
                                lastError: string | null;
                                lastErrorAt: string | null;
                                lastDeliveredAt: string | null;
                            };
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/network/line-tests/{serviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set what the built-in network's remote test answers for a service (fault repair's remote diagnosis) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description cleared: the remote test puts the line right; needs_visit: a technician must go; undetermined: a technician tests the line
                         * @enum {unknown}
                         */
                        result: "cleared" | "needs_visit" | "undetermined";
                        /** @description What the test reports */
                        detail?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            serviceId: string;
                            result: string;
                            detail: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/ports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the port capacity of addresses per access type (all or nothing). 422 when a capacity is below the ports already reserved or in use there. Answers with the stock of each address given. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** @description The premises, as written on orders (spacing, letter case and full-width digits do not matter) */
                            address: string;
                            /**
                             * @description xdsl | lan | ftth
                             * @enum {unknown}
                             */
                            accessType: "xdsl" | "lan" | "ftth";
                            /** @description Ports at the address for this access type */
                            capacity: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The normalised address orders are matched on */
                                addressKey: string;
                                address: string;
                                accessType: string;
                                capacity: number;
                                /** @description Held for orders not yet activated */
                                reserved: number;
                                /** @description Carrying a service */
                                inUse: number;
                                free: number;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases by type and state, today's SLA jeopardies and breaches, this month's refunds by cause */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Today in the operator's zone, yyyy-mm-dd */
                            day: string;
                            /** @description This month in the operator's zone, yyyy-mm */
                            month: string;
                            /** @description Cases by kind, type and state */
                            cases: {
                                /** @description order | complaint */
                                kind: string;
                                type: string;
                                state: string;
                                count: number;
                            }[];
                            /** @description Unfinished cases with at least one breached SLA clock */
                            openBreached: number;
                            today: {
                                /** @description SLA clocks that reached jeopardy today */
                                jeopardies: number;
                                /** @description SLA clocks breached today */
                                breaches: number;
                                /** @description The latest of today's SLA events (at most 50), newest first */
                                events: {
                                    caseId: string;
                                    caseKind: string;
                                    caseType: string;
                                    /** @enum {unknown} */
                                    mark: "jeopardy" | "breached";
                                    policyKey: string;
                                    at: string;
                                }[];
                            };
                            /** @description Refunds paid this month by cause (integer fen) */
                            refundsByCause: {
                                cause: string;
                                count: number;
                                amountFen: number;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/churn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers who left (one row per cancellation that ended a service), most recent first (keyset pagination) */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    customerId?: string;
                    reasonCode?: "price" | "quality" | "moving_away" | "competitor" | "no_longer_needed" | "other";
                    /** @description Churned at or after this instant (RFC 3339) */
                    from?: string;
                    /** @description Churned before this instant (RFC 3339) */
                    to?: string;
                    /** @description Page size (default 50, max 200) */
                    limit?: number;
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The cancellation that ended the service */
                                caseId: string;
                                customerId: string;
                                serviceId: string;
                                serviceKind: string;
                                region: string;
                                customerType: string;
                                tier: string;
                                reasonCode: string;
                                reasonText: string;
                                analysis: string | null;
                                monthlyRevenueFen: number | null;
                                /** @description Retention offers the customer turned down */
                                offersDeclined: string[];
                                /**
                                 * Format: date-time
                                 * @description RFC 3339 with an offset (Z preferred), years 1900–2999, offset at most ±14:59
                                 */
                                churnedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Complaints the caller may see, newest first (keyset pagination); `owner=me&open=true`: the ones I own and have yet to close */
        get: {
            parameters: {
                query?: {
                    status?: "acknowledged" | "inProgress" | "pending" | "held" | "resolved" | "closed" | "cancelled" | "rejected";
                    /** @description `me` or a staff id: the complaints that staff member owns */
                    owner?: string;
                    severity?: "normal" | "high" | "critical";
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    customerId?: string;
                    /** @description true: only complaints with a breached SLA clock; false: only those without */
                    breached?: boolean;
                    /** @description true: only complaints not yet closed (with `owner=me`: my open complaints and their deadlines) */
                    open?: boolean;
                    /** @description Page size (default 50, max 200) */
                    limit?: number;
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                type: string;
                                stage: string;
                                outcome: string | null;
                                stateReason: string | null;
                                customerId: string;
                                createdBy: string;
                                createdAt: string;
                                updatedAt: string;
                                /** @description Type-specific; phone numbers, identity numbers and addresses are masked for roles that do not serve the customer */
                                data: {
                                    [key: string]: unknown;
                                };
                                /** @description TMF621 status: acknowledged, inProgress, pending, held, resolved, closed, cancelled, rejected */
                                status: string;
                                owner: string | null;
                                severity: ("normal" | "high" | "critical") | null;
                                baseSeverity: ("normal" | "high" | "critical") | null;
                                /** @description The customer complained of the same subject within complaint.repeat_window */
                                repeat: boolean;
                                replyDueAt: string | null;
                                /** @description 0 none; 1 supervisor, 2 branch_leader, 3 general_manager */
                                escalationLevel: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Take a complaint (Idempotency-Key honoured): its owner is the caller, or the firstResponder a front-office system names */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and body: the same order (200). Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        customerId: string;
                        /** @enum {unknown} */
                        channel: "hall" | "hotline" | "customer_manager" | "online" | "letter" | "visit";
                        /** @enum {unknown} */
                        category: "inquiry" | "query" | "complaint" | "business_request";
                        /** @enum {unknown} */
                        subject: "service_attitude" | "broken_promise" | "group_service" | "business_handling" | "tariff" | "billing_dispute" | "network_quality" | "charging" | "new_service" | "other";
                        /** @description What the customer says */
                        description: string;
                        /** @description Any flag makes the complaint critical */
                        flags?: ("major" | "skip_level" | "appeal" | "media" | "petition")[];
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        serviceId?: string;
                        /** @description Opaque id: letters, digits, _ and -, 1..64 */
                        orderId?: string;
                        /** @description Named by a front-office system: the staff member who took the complaint and owns it until it is closed */
                        firstResponder?: {
                            /** @description Opaque id: letters, digits, _ and -, 1..64 */
                            id: string;
                            /**
                             * @description The role the first responder owns the complaint in
                             * @enum {unknown}
                             */
                            role: "frontoffice" | "agent";
                        };
                        /** @description Resolved on the spot (the contract's `{ answer }`): the customer accepted at the counter and the complaint closes at once; the root cause and improvement are recorded when given */
                        resolvedOnSpot?: {
                            /** @description What the customer is told */
                            answer: string;
                            /** @description Why it happened (found after the fix) */
                            rootCause?: string;
                            /** @description What changes so it does not happen again */
                            improvement?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            type: string;
                            stage: string;
                            outcome: string | null;
                            stateReason: string | null;
                            customerId: string;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            /** @description Type-specific; phone numbers, identity numbers and addresses are masked for roles that do not serve the customer */
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description TMF621 status: acknowledged, inProgress, pending, held, resolved, closed, cancelled, rejected */
                            status: string;
                            owner: string | null;
                            severity: ("normal" | "high" | "critical") | null;
                            baseSeverity: ("normal" | "high" | "critical") | null;
                            /** @description The customer complained of the same subject within complaint.repeat_window */
                            repeat: boolean;
                            replyDueAt: string | null;
                            /** @description 0 none; 1 supervisor, 2 branch_leader, 3 general_manager */
                            escalationLevel: number;
                            sla: {
                                /** @description SLA policy key */
                                key: string;
                                startedAt: string;
                                dueAt: string;
                                /** @description When the clock reaches jeopardy */
                                jeopardyAt: string;
                                jeopardy: boolean;
                                breached: boolean;
                                stoppedAt: string | null;
                            }[];
                            pendingTasks: {
                                id: string;
                                kind: string;
                                role: string;
                                assignee: string | null;
                                dueAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            type: string;
                            stage: string;
                            outcome: string | null;
                            stateReason: string | null;
                            customerId: string;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            /** @description Type-specific; phone numbers, identity numbers and addresses are masked for roles that do not serve the customer */
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description TMF621 status: acknowledged, inProgress, pending, held, resolved, closed, cancelled, rejected */
                            status: string;
                            owner: string | null;
                            severity: ("normal" | "high" | "critical") | null;
                            baseSeverity: ("normal" | "high" | "critical") | null;
                            /** @description The customer complained of the same subject within complaint.repeat_window */
                            repeat: boolean;
                            replyDueAt: string | null;
                            /** @description 0 none; 1 supervisor, 2 branch_leader, 3 general_manager */
                            escalationLevel: number;
                            sla: {
                                /** @description SLA policy key */
                                key: string;
                                startedAt: string;
                                dueAt: string;
                                /** @description When the clock reaches jeopardy */
                                jeopardyAt: string;
                                jeopardy: boolean;
                                breached: boolean;
                                stoppedAt: string | null;
                            }[];
                            pendingTasks: {
                                id: string;
                                kind: string;
                                role: string;
                                assignee: string | null;
                                dueAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A complaint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            type: string;
                            stage: string;
                            outcome: string | null;
                            stateReason: string | null;
                            customerId: string;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            /** @description Type-specific; phone numbers, identity numbers and addresses are masked for roles that do not serve the customer */
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description TMF621 status: acknowledged, inProgress, pending, held, resolved, closed, cancelled, rejected */
                            status: string;
                            owner: string | null;
                            severity: ("normal" | "high" | "critical") | null;
                            baseSeverity: ("normal" | "high" | "critical") | null;
                            /** @description The customer complained of the same subject within complaint.repeat_window */
                            repeat: boolean;
                            replyDueAt: string | null;
                            /** @description 0 none; 1 supervisor, 2 branch_leader, 3 general_manager */
                            escalationLevel: number;
                            sla: {
                                /** @description SLA policy key */
                                key: string;
                                startedAt: string;
                                dueAt: string;
                                /** @description When the clock reaches jeopardy */
                                jeopardyAt: string;
                                jeopardy: boolean;
                                breached: boolean;
                                stoppedAt: string | null;
                            }[];
                            pendingTasks: {
                                id: string;
                                kind: string;
                                role: string;
                                assignee: string | null;
                                dueAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit timeline of a complaint, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque id: letters, digits, _ and -, 1..64 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            actor: string;
                            kind: string;
                            detail: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
                /** @description A problem (RFC 9457): 400 invalid request, 401 no or bad token, 403 role not allowed, 404 unknown id, 409 conflict, 422 refused by a rule */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details (application/problem+json) */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
