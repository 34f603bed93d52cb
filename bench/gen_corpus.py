#!/usr/bin/env python3
"""Writes a JSON Lines corpus of UpdateConnectorProfile requests for bench/run_bench.py.

Deterministic for a given --seed. Every one of the model's 19 connectors appears,
weighted roughly by how often each shows up in practice. By default 85% of the
requests are valid against schemas/UpdateConnectorProfile.request.schema.json
(member names, enums, patterns and lengths follow that schema) and draw no
diagnostic from the linter's other rules either (Salesforce grant types and
sandbox hosts, well-formed JWTs, ...). The other 15% carry one schema fault, or
two different ones (30% of them), of the kinds people actually make: a space in
connectorProfileName, an enum in the wrong case, an unknown member, a null, a
string over its maxLength. Lines are compact JSON (no spaces), one object each:
about 550 bytes on average, median about 520.

    python3 bench/gen_corpus.py --count 100000 --out /tmp/corpus.jsonl
    python3 bench/gen_corpus.py --bytes 134217728 --seed 2 --out /tmp/big.jsonl
"""

import argparse
import base64
import copy
import json
import random
import re
import string
import sys

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B64URL_NODASH = string.ascii_letters + string.digits + "_"  # the jwtToken pattern forbids '-' before the signature
B64 = string.ascii_letters + string.digits + "+/"
# No braces or angle brackets: "${x}" or "<x>" inside a password reads as a template placeholder.
PASSWORD_CHARS = string.ascii_letters + string.digits + "!#$%&()*+,-./:;=?@[]^_|~"

REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2",
           "ap-northeast-1", "ca-central-1"]
COMPANIES = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "tyrell",
             "cyberdyne", "soylent", "vandelay", "oscorp", "pied-piper", "massive-dynamic"]
ENVS = ["prod", "production", "staging", "stage", "dev", "qa", "sandbox", "uat", "test"]
TEAMS = ["sales", "marketing", "finance", "support", "analytics", "data-eng", "crm", "ops", "bi"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.co = COMPANIES[0]  # the customer of the request being built
        self.private = False    # its connectionMode is Private

    # --- primitive values -------------------------------------------------
    def chars(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def hex(self, n):
        return self.chars(HEX, n)

    def alnum(self, n):
        return self.chars(ALNUM, n)

    def uuid(self):
        h = self.hex(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.r.choice('89ab')}{h[17:20]}-{h[20:]}"

    def account(self):
        return "".join(self.r.choice(string.digits) for _ in range(12))

    def region(self):
        return self.r.choice(REGIONS)

    def company(self):
        return self.co

    def password(self):
        return self.chars(PASSWORD_CHARS, self.r.randint(14, 32))

    def profile_name(self, connector):
        sep = self.r.choice(["-", "_", "."])
        parts = [connector.lower(), self.r.choice(TEAMS), self.r.choice(ENVS)]
        self.r.shuffle(parts)
        name = sep.join(parts)
        if self.r.random() < 0.4:
            name += sep + str(self.r.randint(1, 99)).zfill(2)
        return name

    def redirect_uri(self):
        return f"https://{self.region()}.console.aws.amazon.com/appflow/oauth"

    def auth_code(self, n=None):
        return self.alnum(n or self.r.randint(20, 60))

    def oauth_request(self):
        return {"authCode": self.auth_code(), "redirectUri": self.redirect_uri()}

    def role_arn(self, name):
        return f"arn:aws:iam::{self.account()}:role/{name}"

    def secret_arn(self):
        return (f"arn:aws:secretsmanager:{self.region()}:{self.account()}:secret:"
                f"appflow/{self.company()}-{self.r.choice(ENVS)}-{self.alnum(6)}")

    def bucket(self):
        return f"{self.company()}-appflow-{self.r.choice(ENVS)}-{self.hex(6)}"

    def jwt(self, issuer, subject, audience, salesforce=False):
        # A JWT signed with RS256: base64url JSON header and claims, 342-character signature.
        # Salesforce's jwtToken pattern forbids '-' in the header and payload, so for
        # Salesforce the claims are re-drawn until their encoding has none.
        def b64url(obj):
            raw = json.dumps(obj, separators=(",", ":")).encode()
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
        header = b64url({"alg": "RS256", "typ": "JWT"})
        while True:
            iat = 1767225600 + self.r.randrange(0, 86400 * 365)  # during 2026
            claims = {"iss": issuer, "sub": subject, "aud": audience, "iat": iat,
                      "exp": iat + 86400 * self.r.choice([365, 730, 1825]), "jti": self.uuid()}
            payload = b64url(claims)
            if not salesforce or "-" not in payload:
                break
        sig = self.chars(B64URL_NODASH + "-", 342)
        return f"{header}.{payload}.{sig}"

    # --- connectors: (properties, credentials) ------------------------------
    def salesforce(self):
        c = self.company()
        sandbox = self.r.random() < 0.2
        host = (f"{c}--{self.r.choice(['uat', 'qa', 'dev', 'full'])}.sandbox.my.salesforce.com" if sandbox
                else f"{c}.my.salesforce.com")
        props = {"instanceUrl": f"https://{host}", "isSandboxEnvironment": sandbox}
        if self.r.random() < 0.3:  # PrivateLink for metadata and auth only means something in Private mode
            props["usePrivateLinkForMetadataAndAuthorization"] = self.private and self.r.random() < 0.7
        kind = self.r.random()
        if kind < 0.6:
            creds = {"accessToken": f"00D{self.alnum(12)}!{self.alnum(96)}",
                     "refreshToken": f"5Aep861{self.alnum(80)}",
                     "oAuthRequest": self.oauth_request(),
                     "oAuth2GrantType": "AUTHORIZATION_CODE"}
        elif kind < 0.8:  # tokens plus the client id and secret kept in Secrets Manager
            creds = {"refreshToken": f"5Aep861{self.alnum(80)}", "clientCredentialsArn": self.secret_arn(),
                     "oAuth2GrantType": "AUTHORIZATION_CODE"}
        else:
            creds = {"jwtToken": self.jwt(f"3MVG9{self.alnum(80)}", f"integration@{c}.com",
                                          "https://test.salesforce.com" if sandbox else "https://login.salesforce.com",
                                          salesforce=True),
                     "oAuth2GrantType": "JWT_BEARER"}
        return props, creds

    def snowflake(self):
        c = self.company()
        props = {"warehouse": self.r.choice(["COMPUTE_WH", "APPFLOW_WH", "LOAD_WH", "ETL_XS"]),
                 "stage": f"{c.upper().replace('-', '_')}_DB.PUBLIC.APPFLOW_STAGE",
                 "bucketName": self.bucket(),
                 "bucketPrefix": f"snowflake/{self.r.choice(TEAMS)}",
                 "accountName": f"{c}{self.r.randint(10, 99)}",
                 "region": self.region()}
        if self.r.random() < 0.3:
            props["privateLinkServiceName"] = (f"com.amazonaws.vpce.{self.region()}."
                                               f"vpce-svc-{self.hex(17)}")
        creds = {"username": f"APPFLOW_{self.r.choice(TEAMS).upper().replace('-', '_')}",
                 "password": self.password()}
        return props, creds

    def redshift(self):
        c = self.company()
        serverless = self.r.random() < 0.4
        props = {"bucketName": self.bucket(),
                 "bucketPrefix": "redshift/staging",
                 "roleArn": self.role_arn(f"AppFlowRedshiftS3Access-{c}"),
                 "isRedshiftServerless": serverless,
                 "databaseName": self.r.choice(["dev", "analytics", "warehouse", "sales_dw"])}
        if serverless:
            props["workgroupName"] = f"{c}-{self.r.choice(ENVS)}-wg"
            props["dataApiRoleArn"] = self.role_arn("AppFlowRedshiftDataApi")
            creds = {}
        else:
            cluster = f"{c}-{self.r.choice(ENVS)}-cluster"
            props["clusterIdentifier"] = cluster
            props["databaseUrl"] = (f"jdbc:redshift://{cluster}.{self.alnum(12).lower()}."
                                    f"{self.region()}.redshift.amazonaws.com:5439/{props['databaseName']}")
            props["dataApiRoleArn"] = self.role_arn("AppFlowRedshiftDataApi")
            creds = {"username": "appflow_loader", "password": self.password()}
        return props, creds

    def servicenow(self):
        props = {"instanceUrl": f"https://{self.company()}{self.r.randint(1, 99)}.service-now.com"}
        if self.r.random() < 0.5:
            creds = {"username": f"svc_appflow_{self.r.choice(TEAMS).replace('-', '_')}",
                     "password": self.password()}
        else:
            creds = {"oAuth2Credentials": {"clientId": self.hex(32), "clientSecret": self.alnum(10),
                                           "accessToken": self.alnum(86),
                                           "refreshToken": self.alnum(86),
                                           "oAuthRequest": self.oauth_request()}}
        return props, creds

    def zendesk(self):
        props = {"instanceUrl": f"https://{self.company()}.zendesk.com"}
        creds = {"clientId": f"appflow_{self.company().replace('-', '_')}",
                 "clientSecret": self.hex(64),
                 "accessToken": self.hex(64),
                 "oAuthRequest": self.oauth_request()}
        return props, creds

    def sapodata(self):
        c = self.company()
        props = {"applicationHostUrl": f"https://sap-{c}.{self.region()}-corp.com",
                 "applicationServicePath": self.r.choice(["/sap/opu/odata/sap/API_SALES_ORDER_SRV",
                                                          "/sap/opu/odata/sap/API_BUSINESS_PARTNER",
                                                          "/sap/opu/odata/sap/API_PRODUCT_SRV"]),
                 "portNumber": self.r.choice([443, 8443, 44300, 50001]),
                 "clientNumber": self.r.choice(["100", "200", "300", "800"]),
                 "logonLanguage": self.r.choice(["EN", "DE", "FR", "ES"])}
        if self.r.random() < 0.3:
            props["privateLinkServiceName"] = (f"com.amazonaws.vpce.{self.region()}."
                                               f"vpce-svc-{self.hex(17)}")
        if self.r.random() < 0.5:
            props["oAuthProperties"] = {
                "tokenUrl": f"https://sap-{c}-corp.com/sap/bc/sec/oauth2/token",
                "authCodeUrl": f"https://sap-{c}-corp.com/sap/bc/sec/oauth2/authorize",
                "oAuthScopes": ["API_SALES_ORDER_SRV_0001", "API_BUSINESS_PARTNER_0001"]}
            creds = {"oAuthCredentials": {"clientId": f"APPFLOW_{self.alnum(8).upper()}",
                                          "clientSecret": self.alnum(40),
                                          "accessToken": self.alnum(64),
                                          "refreshToken": self.alnum(64),
                                          "oAuthRequest": self.oauth_request()}}
        else:
            creds = {"basicAuthCredentials": {"username": f"APPFLOW_{self.alnum(6).upper()}",
                                              "password": self.password()}}
        return props, creds

    def custom_connector(self):
        c = self.company()
        props = {"profileProperties": {
            "api_version": self.r.choice(["v1", "v2", "2023-10-01"]),
            "tenant_id": self.uuid(),
            "base_url": f"https://api.{c}-corp.com",
            "page_size": str(self.r.choice([100, 250, 500, 1000]))}}
        auth = self.r.choice(["OAUTH2", "APIKEY", "BASIC", "CUSTOM"])
        creds = {"authenticationType": auth}
        if auth == "OAUTH2":
            grant = self.r.choice(["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"])
            props["oAuth2Properties"] = {"tokenUrl": f"https://auth.{c}-corp.com/oauth2/token",
                                         "oAuth2GrantType": grant,
                                         "tokenUrlCustomProperties": {"audience": f"https://api.{c}-corp.com"}}
            creds["oauth2"] = {"clientId": self.uuid(), "clientSecret": self.alnum(48),
                               "accessToken": self.jwt(f"https://auth.{c}-corp.com/", self.uuid(),
                                                       f"https://api.{c}-corp.com"),
                               "refreshToken": self.alnum(64)}
            if grant == "AUTHORIZATION_CODE":
                creds["oauth2"]["oAuthRequest"] = self.oauth_request()
        elif auth == "APIKEY":
            creds["apiKey"] = {"apiKey": self.alnum(40), "apiSecretKey": self.alnum(64)}
        elif auth == "BASIC":
            creds["basic"] = {"username": f"appflow@{c}-corp.com", "password": self.password()}
        else:
            creds["custom"] = {"customAuthenticationType": "HMAC_SIGNATURE",
                               "credentialsMap": {"access_key_id": self.alnum(20).upper(),
                                                  "secret_access_key": self.chars(B64, 40),
                                                  "signing_region": self.region(),
                                                  "session_token": self.chars(B64, 160)}}
        return props, creds

    def datadog(self):
        props = {"instanceUrl": self.r.choice(["https://api.datadoghq.com", "https://api.datadoghq.eu",
                                               "https://api.us5.datadoghq.com"])}
        return props, {"apiKey": self.hex(32), "applicationKey": self.hex(40)}

    def slack(self):
        props = {"instanceUrl": f"https://{self.company()}.slack.com"}
        creds = {"clientId": f"{self.r.randint(10**11, 10**12 - 1)}.{self.r.randint(10**12, 10**13 - 1)}",
                 "clientSecret": self.hex(32),
                 "accessToken": (f"xoxb-{self.r.randint(10**11, 10**12 - 1)}-"
                                 f"{self.r.randint(10**12, 10**13 - 1)}-{self.alnum(24)}"),
                 "oAuthRequest": self.oauth_request()}
        return props, creds

    def marketo(self):
        props = {"instanceUrl": f"https://{self.r.randint(100, 999)}-{self.alnum(3).upper()}-"
                                f"{self.r.randint(100, 999)}.mktorest.com"}
        creds = {"clientId": self.uuid(), "clientSecret": self.alnum(32),
                 "accessToken": f"{self.uuid()}:ab"}
        return props, creds

    def amplitude(self):
        return {}, {"apiKey": self.hex(32), "secretKey": self.hex(32)}

    def dynatrace(self):
        return ({"instanceUrl": f"https://{self.alnum(8).lower()}.live.dynatrace.com"},
                {"apiToken": f"dt0c01.{self.alnum(24).upper()}.{self.alnum(64).upper()}"})

    def google_analytics(self):
        return {}, {"clientId": f"{self.r.randint(10**11, 10**12 - 1)}-{self.alnum(32).lower()}"
                                f".apps.googleusercontent.com",
                    "clientSecret": f"GOCSPX-{self.alnum(28)}",
                    "accessToken": f"ya29.{self.chars(B64URL_NODASH + '-', 210)}",
                    "refreshToken": f"1//{self.alnum(100)}",
                    "oAuthRequest": self.oauth_request()}

    def veeva(self):
        return ({"instanceUrl": f"https://{self.company()}.veevavault.com"},
                {"username": f"appflow@{self.company()}.com", "password": self.password()})

    def infornexus(self):
        return ({"instanceUrl": "https://network.infornexus.com"},
                {"accessKeyId": self.alnum(20).upper(), "userId": f"appflow-{self.company()}",
                 "secretAccessKey": self.chars(B64, 40), "datakey": self.alnum(32)})

    def pardot(self):
        props = {"instanceUrl": "https://pi.pardot.com", "isSandboxEnvironment": False,
                 "businessUnitId": f"0Uv{self.alnum(15)}"}
        creds = {"accessToken": f"00D{self.alnum(12)}!{self.alnum(96)}",
                 "refreshToken": f"5Aep861{self.alnum(80)}",
                 "oAuthRequest": self.oauth_request()}
        return props, creds

    def singular(self):
        return {}, {"apiKey": self.alnum(40)}

    def trendmicro(self):
        return {}, {"apiSecretKey": self.alnum(96)}

    def honeycode(self):
        # HoneycodeConnectorProfileProperties has no members at all.
        return {}, {"accessToken": self.alnum(self.r.randint(40, 90)),
                    "refreshToken": self.alnum(self.r.randint(40, 90)),
                    "oAuthRequest": self.oauth_request()}


# Weights: roughly how often each connector shows up in practice.
CONNECTORS = [
    ("Salesforce", Gen.salesforce, 18), ("Snowflake", Gen.snowflake, 10), ("Redshift", Gen.redshift, 10),
    ("ServiceNow", Gen.servicenow, 8), ("Zendesk", Gen.zendesk, 7), ("SAPOData", Gen.sapodata, 8),
    ("CustomConnector", Gen.custom_connector, 10), ("Datadog", Gen.datadog, 4), ("Slack", Gen.slack, 6),
    ("Marketo", Gen.marketo, 5), ("Amplitude", Gen.amplitude, 2), ("Dynatrace", Gen.dynatrace, 2),
    ("GoogleAnalytics", Gen.google_analytics, 4), ("Veeva", Gen.veeva, 1), ("InforNexus", Gen.infornexus, 1),
    ("Pardot", Gen.pardot, 2), ("Singular", Gen.singular, 1), ("Trendmicro", Gen.trendmicro, 1),
    ("Honeycode", Gen.honeycode, 1),
]


def valid_request(g):
    g.co = g.r.choice(COMPANIES)
    g.private = g.r.random() < 0.15
    name, make, _ = g.r.choices(CONNECTORS, weights=[w for _, _, w in CONNECTORS])[0]
    props, creds = make(g)
    config = {"connectorProfileProperties": {name: props}}
    if creds and g.r.random() < 0.7:  # an update may leave the stored credentials alone
        config["connectorProfileCredentials"] = {name: creds}
    request = {"connectorProfileName": g.profile_name(name),
               "connectionMode": "Private" if g.private else "Public",
               "connectorProfileConfig": config}
    if g.r.random() < 0.5:
        request["clientToken"] = g.uuid()
    return name, request


# --- faults: each takes (gen, connector name, request) and breaks one thing ---
def fault_name_space(g, name, req):
    # "salesforce-sales-prod" -> "salesforce sales-prod"
    req["connectorProfileName"] = re.sub(r"[-_.]", " ", req["connectorProfileName"], count=1)


def fault_enum_case(g, name, req):
    creds = req["connectorProfileConfig"].get("connectorProfileCredentials", {}).get(name, {})
    if name == "CustomConnector" and "authenticationType" in creds and g.r.random() < 0.5:
        creds["authenticationType"] = creds["authenticationType"].lower()
    elif "oAuth2GrantType" in creds and g.r.random() < 0.5:
        creds["oAuth2GrantType"] = creds["oAuth2GrantType"].lower()
    else:
        req["connectionMode"] = req["connectionMode"].upper() if g.r.random() < 0.3 else req["connectionMode"].lower()


def fault_unknown_member(g, name, req):
    props = req["connectorProfileConfig"]["connectorProfileProperties"][name]
    choice = g.r.random()
    if choice < 0.35:
        req["connectorType"] = name  # belongs to CreateConnectorProfile
    elif choice < 0.55:
        req["kmsArn"] = f"arn:aws:kms:{g.region()}:{g.account()}:key/{g.uuid()}"
    elif "instanceUrl" in props:
        props["instanceURL"] = props.pop("instanceUrl")
    else:
        props["description"] = f"{name} profile for the {g.r.choice(TEAMS)} team"


def fault_null(g, name, req):
    # Only members no earlier fault has touched, so that a second fault stays a second fault.
    props = req["connectorProfileConfig"]["connectorProfileProperties"][name]
    before = g.before["connectorProfileConfig"]["connectorProfileProperties"][name]
    string_members = [k for k, v in props.items() if isinstance(v, str) and before.get(k) == v]
    if string_members and g.r.random() < 0.6:
        props[g.r.choice(string_members)] = None
    elif g.r.random() < 0.5 or req["connectionMode"] != g.before["connectionMode"]:
        req["clientToken"] = None
    else:
        req["connectionMode"] = None


def fault_too_long(g, name, req):
    props = req["connectorProfileConfig"]["connectorProfileProperties"][name]
    if "bucketName" in props:
        props["bucketName"] = props["bucketName"] + "-" + g.hex(60)        # maxLength 63
    elif "logonLanguage" in props:
        props["logonLanguage"] = "ENG"                                    # maxLength 2
    elif "instanceUrl" in props:
        props["instanceUrl"] += "/" + "/".join(g.alnum(30) for _ in range(9))  # maxLength 256
    else:
        req["connectorProfileName"] = req["connectorProfileName"] + "-" + g.alnum(260)  # maxLength 256


# A request with two faults gets two different ones, in this order (fault_null last: it needs the others' values).
FAULTS = [fault_name_space, fault_enum_case, fault_unknown_member, fault_too_long, fault_null]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--count", type=int, default=100000, help="number of requests (default 100000)")
    ap.add_argument("--bytes", type=int, default=0,
                    help="instead of --count: write requests until the file holds at least this many bytes")
    ap.add_argument("--fault-rate", type=float, default=0.15, help="share of faulty requests (default 0.15)")
    ap.add_argument("--two-fault-rate", type=float, default=0.3,
                    help="share of the faulty requests that get two different faults (default 0.3)")
    ap.add_argument("--out", default="-", help="output file (default stdout)")
    args = ap.parse_args(argv)

    g = Gen(args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    count = faulty = two_faults = total_bytes = 0
    sizes = []
    try:
        while (total_bytes < args.bytes) if args.bytes > 0 else (count < args.count):
            name, req = valid_request(g)
            if g.r.random() < args.fault_rate:
                k = 2 if g.r.random() < args.two_fault_rate else 1
                g.before = copy.deepcopy(req)
                for fault in sorted(g.r.sample(FAULTS, k), key=FAULTS.index):
                    fault(g, name, req)
                faulty += 1
                two_faults += k == 2
            line = json.dumps(req, separators=(",", ":"))  # compact: no spaces
            count += 1
            total_bytes += len(line) + 1
            if len(sizes) < 200000:
                sizes.append(len(line))
            out.write(line)
            out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()
    sizes.sort()
    median = sizes[len(sizes) // 2] if sizes else 0
    print(f"gen_corpus: {count} requests, {faulty} with an injected fault ({two_faults} with two), "
          f"mean {total_bytes / max(count, 1):.0f} bytes/line, median {median}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
