#!/bin/sh
# Looks a bill up at a Loket gateway with nothing but curl and openssl, and checks the answer's signature.
# Start the sandbox first:   loket sandbox --port 8089
# Then:                      sh docs/examples/inquiry.sh [BILLER] [REFERENCE]
set -eu
GATEWAY=${GATEWAY:-http://127.0.0.1:8089}
MERCHANT=${MERCHANT:-LOKET-SANDBOX}
SECRET=${SECRET:-sandbox-secret}
BILLER=${1:-PLN_POSTPAID}
REFERENCE=${2:-512345678901}

REQ_PATH=/v1/inquiries
BODY="{\"biller\":\"$BILLER\",\"reference\":\"$REFERENCE\",\"product\":null}"
TIMESTAMP=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# 1. Sign: HMAC-SHA256(secret, METHOD \n PATH \n TIMESTAMP \n hex SHA-256(body)), lowercase hex.
BODY_SHA=$(printf '%s' "$BODY" | openssl dgst -sha256 -r | cut -d' ' -f1)
SIGNATURE=$(printf 'POST\n%s\n%s\n%s' "$REQ_PATH" "$TIMESTAMP" "$BODY_SHA" \
  | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)

# 2. Send it.
body_file=$(mktemp)
head_file=$(mktemp)
trap 'rm -f "$body_file" "$head_file"' EXIT
STATUS=$(curl -sS -o "$body_file" -D "$head_file" -w '%{http_code}' -X POST "$GATEWAY$REQ_PATH" \
  -H 'Content-Type: application/json' \
  -H "X-Loket-Merchant: $MERCHANT" \
  -H "X-Loket-Timestamp: $TIMESTAMP" \
  -H "X-Loket-Signature: $SIGNATURE" \
  --data-binary "$BODY")

# 3. Verify the answer: HMAC-SHA256(secret, STATUS \n TIMESTAMP \n hex SHA-256(body)).
header() { grep -i "^$1:" "$head_file" | head -n 1 | cut -d' ' -f2 | tr -d '\r\n'; }
RESP_TIMESTAMP=$(header X-Loket-Timestamp)
RESP_SIGNATURE=$(header X-Loket-Signature)
RESP_SHA=$(openssl dgst -sha256 -r < "$body_file" | cut -d' ' -f1)
EXPECTED=$(printf '%s\n%s\n%s' "$STATUS" "$RESP_TIMESTAMP" "$RESP_SHA" \
  | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)

echo "HTTP $STATUS"
cat "$body_file"
echo
if [ "$EXPECTED" = "$RESP_SIGNATURE" ]; then
  echo "Response signature verified."
else
  echo "Response signature does NOT verify: treat this answer as if none had come." >&2
  exit 1
fi
