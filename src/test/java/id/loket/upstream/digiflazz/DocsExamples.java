package id.loket.upstream.digiflazz;

/**
 * Response bodies as the official Digiflazz pages show them (developer.digiflazz.com/api/buyer/..., mirrored
 * 2026-05-15), byte for byte apart from whitespace.
 */
final class DocsExamples {

    private DocsExamples() {}

    /** test-case: "Contoh Sukses" (xld10, 087800001230). */
    static final String PREPAID_SUCCESS = """
            {
              "data": {
                "ref_id": "test1",
                "customer_no": "087800001230",
                "buyer_sku_code": "xld10",
                "message": "Transaksi Sukses",
                "status": "Sukses",
                "rc": "00",
                "sn": "1234567890",
                "buyer_last_saldo": 990000,
                "price": 10000
              }
            }""";

    /** test-case: "Contoh Gagal" (087800001232). */
    static final String PREPAID_FAILED = """
            {
              "data": {
                "ref_id": "test2",
                "customer_no": "087800001232",
                "buyer_sku_code": "xld10",
                "message": "Transaksi Gagal",
                "status": "Gagal",
                "rc": "02",
                "buyer_last_saldo": 1000000,
                "price": 10000
              }
            }""";

    /** test-case: "Contoh Pending" (087800001233). */
    static final String PREPAID_PENDING = """
            {
              "data": {
                "ref_id": "test3",
                "customer_no": "087800001233",
                "buyer_sku_code": "xld10",
                "message": "Transaksi pending",
                "status": "Pending",
                "rc": "03",
                "buyer_last_saldo": 990000,
                "price": 10000
              }
            }""";

    /** topup: the response example, pending with an empty sn and the seller's contacts. */
    static final String TOPUP_PENDING = """
            {
              "data": {
                "ref_id": "some1d",
                "customer_no": "087800001233",
                "buyer_sku_code": "xld25",
                "message": "Transaksi Pending",
                "status": "Pending",
                "rc": "03",
                "sn": "",
                "buyer_last_saldo": 100000,
                "price": 25000,
                "tele": "@telegram",
                "wa": "081234512345"
              }
            }""";

    /** test-case: PLN "Response Inquiry Sukses, 1 Tagihan". */
    static final String PLN_INQUIRY_ONE_BILL = """
            {"data":{"ref_id":"some1d","customer_no":"530000000001","customer_name":"Nama Pelanggan Pertama",\
            "buyer_sku_code":"pln","admin":2500,"message":"Transaksi Sukses","status":"Sukses","rc":"00",\
            "buyer_last_saldo":100000,"price":10000,"selling_price":11000,"desc":{"tarif":"R1","daya":1300,\
            "lembar_tagihan":1,"detail":[{"periode":"201901","nilai_tagihan":"8000","admin":"2500","denda":"500"}]}}}""";

    /** test-case: PLN "Response Payment Sukses, 2 Tagihan". */
    static final String PLN_PAYMENT_TWO_BILLS = """
            {
              "data": {
                "ref_id": "some1d",
                "customer_no": "530000000002",
                "customer_name": "Nama Pelanggan Kedua",
                "buyer_sku_code": "pln",
                "admin": 5000,
                "message": "Transaksi Sukses",
                "status": "Sukses",
                "rc": "00",
                "sn": "S1234554321N",
                "buyer_last_saldo": 77000,
                "price": 23000,
                "selling_price": 25000,
                "desc": {
                  "tarif": "R1",
                  "daya": 1300,
                  "lembar_tagihan": 2,
                  "detail": [
                    {
                      "periode": "201901",
                      "nilai_tagihan": "8000",
                      "admin": "2500",
                      "denda": "500",
                      "meter_awal": "00080000",
                      "meter_akhir": "00090000"
                    },
                    {
                      "periode": "201902",
                      "nilai_tagihan": "11500",
                      "admin": "2500",
                      "denda": "0",
                      "meter_awal": "00090000",
                      "meter_akhir": "00095000"
                    }
                  ]
                }
              }
            }""";

    /** test-case: PDAM (1013226), with biaya_lain and no admin in the detail. */
    static final String PDAM_PAYMENT = """
            {
              "data": {
                "ref_id": "353688162",
                "customer_no": "1013226",
                "customer_name": "Nama Pelanggan Pertama",
                "buyer_sku_code": "pdam",
                "admin": 2500,
                "message": "Transaksi Sukses",
                "status": "Sukses",
                "rc": "00",
                "sn": "S1234554321N",
                "buyer_last_saldo": 88500,
                "price": 11500,
                "selling_price": 12500,
                "desc": {
                  "tarif": "3A",
                  "lembar_tagihan": 1,
                  "alamat": "WONOKROMO S.S BARU 2 8",
                  "jatuh_tempo": "1-15 DES 2014",
                  "detail": [
                    {
                      "periode": "201901",
                      "nilai_tagihan": "8000",
                      "denda": "500",
                      "meter_awal": "00080000",
                      "meter_akhir": "00090000",
                      "biaya_lain": "1500"
                    }
                  ]
                }
              }
            }""";

    /** test-case: BPJS Kesehatan (8801234560001). */
    static final String BPJS_PAYMENT = """
            {
              "data": {
                "ref_id": "4536881875",
                "customer_no": "8801234560001",
                "customer_name": "Nama Pelanggan",
                "buyer_sku_code": "bpjs",
                "admin": 2500,
                "message": "Transaksi Sukses",
                "status": "Sukses",
                "sn": "BP1234554321JS",
                "rc": "00",
                "buyer_last_saldo": 100000,
                "price": 24700,
                "selling_price": 25000,
                "desc": {
                  "jumlah_peserta": "2",
                  "lembar_tagihan": 1,
                  "alamat": "JAKARTA PUSAT",
                  "detail": [
                    {
                      "periode": "01"
                    }
                  ]
                }
              }
            }""";

    /** test-case: BPJSTK (8102051011270001): no detail, numeric extra fields, an empty sn. */
    static final String BPJSTK_PAYMENT = """
            {
              "data": {
                "ref_id": "ref-93",
                "customer_no": "8102051011270001",
                "customer_name": "Nama Pelanggan",
                "buyer_sku_code": "bpjstk",
                "admin": 2500,
                "message": "Transaksi Sukses",
                "status": "Sukses",
                "sn": "",
                "rc": "00",
                "buyer_last_saldo": 83500,
                "price": 16500,
                "selling_price": 17500,
                "desc": {
                  "lembar_tagihan": 1,
                  "kode_iuran": "919013012977",
                  "kode_program": "JKK,JKM",
                  "jkk": 10000,
                  "jkm": 2500,
                  "jht": 2500,
                  "kantor_cabang": "SAMPIT",
                  "tgl_efektif": "2023-05-03",
                  "tgl_expired": "2027-05-03"
                }
              }
            }""";

    /** test-case: postpaid "Inquiry atau Payment Gagal". */
    static final String POSTPAID_FAILED = """
            {
              "data": {
                "ref_id": "some1d",
                "customer_no": "530000000003",
                "buyer_sku_code": "pln",
                "message": "Transaksi Gagal",
                "status": "Gagal",
                "rc": "02"
              }
            }""";

    /** cek-saldo: the response example. */
    static final String BALANCE = """
            {
              "data": {
                "deposit": 500000000000
              }
            }""";

    /** deposit: the response example. */
    static final String DEPOSIT_TICKET = """
            {
              "data": {
                "rc": "00",
                "bank": "BCA",
                "payment_method": "Bank Transfer",
                "account_no": "0123 4567 89",
                "notes": "A6R5UPV",
                "amount": 10000001
              }
            }""";

    /** inquiry-pln: the response example. */
    static final String INQUIRY_PLN = """
            {
              "data": {
                "message": "Transaksi Sukses",
                "status": "Sukses",
                "rc": "00",
                "customer_no": "1234554321",
                "meter_no": "1234554321",
                "subscriber_id": "523300817840",
                "name": "DAVID",
                "segment_power": "R1 /000001300"
              }
            }""";

    /**
     * daftar-harga: the prepaid example, with a third row Digiflazz would not send: no buyer_sku_code. Row two
     * carries price and stock as strings, as the docs' table types them.
     */
    static final String PREPAID_PRICE_LIST_WITH_A_BAD_ROW = """
            {
              "data": [
                {
                  "product_name": "Xl 100.000",
                  "category": "Pulsa",
                  "brand": "XL",
                  "type": "Umum",
                  "seller_name": "PT. ABC",
                  "price": 98000,
                  "buyer_sku_code": "X100",
                  "buyer_product_status": true,
                  "seller_product_status": true,
                  "unlimited_stock": true,
                  "stock": 0,
                  "multi": true,
                  "start_cut_off": "23:45",
                  "end_cut_off": "00:15",
                  "desc": "Pulsa Xl Rp 100.000"
                },
                {
                  "product_name": "Telkomsel Pulsa 5.000",
                  "category": "Pulsa",
                  "brand": "TELKOMSEL",
                  "type": "Umum",
                  "seller_name": "PT. BCA",
                  "price": "5100",
                  "buyer_sku_code": "S5",
                  "buyer_product_status": true,
                  "seller_product_status": false,
                  "unlimited_stock": false,
                  "stock": "1200",
                  "multi": false,
                  "start_cut_off": "00:00",
                  "end_cut_off": "00:00",
                  "desc": "Pulsa Telkomsel Rp 5.000"
                },
                {
                  "product_name": "Broken",
                  "category": "Pulsa",
                  "brand": "XL",
                  "type": "Umum",
                  "seller_name": "PT. ABC",
                  "price": 1000,
                  "buyer_product_status": true,
                  "seller_product_status": true,
                  "unlimited_stock": true,
                  "stock": 0,
                  "multi": true,
                  "start_cut_off": "00:00",
                  "end_cut_off": "00:00",
                  "desc": "no sku"
                }
              ]
            }""";

    /** daftar-harga: the postpaid example. */
    static final String PASCA_PRICE_LIST = """
            {
              "data": [
                {
                  "product_name": "Pln Postpaid",
                  "category": "Pascabayar",
                  "brand": "PLN",
                  "seller_name": "PT. ABC",
                  "admin": 2750,
                  "commission": 1800,
                  "buyer_sku_code": "pln",
                  "buyer_product_status": true,
                  "seller_product_status": true,
                  "desc": "-"
                },
                {
                  "product_name": "aetra",
                  "category": "Pascabayar",
                  "brand": "PDAM",
                  "seller_name": "Mr Ed",
                  "admin": 2000,
                  "commission": 550,
                  "buyer_sku_code": "aetra",
                  "buyer_product_status": true,
                  "seller_product_status": true,
                  "desc": "Provinsi Jakarta"
                }
              ]
            }""";

    /** response-code 83, the message as the table has it. */
    static final String PRICE_LIST_RATE_LIMITED = """
            {"data":{"rc":"83","message":"Anda telah mencapai limitasi pengecekan pricelist, silahkan coba \
            beberapa saat lagi","status":"Gagal"}}""";
}
