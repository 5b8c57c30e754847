enum TestRSAKeys {
    /// A 2048-bit key made for these tests only; expected signatures come from `openssl dgst -sign`.
    static let privatePEM = """
        -----BEGIN RSA PRIVATE KEY-----
        MIIEpQIBAAKCAQEA0hPRj/hs414BuzS1nC0SYjieLD3eAFAQcFW8UGR/SNYmLIpz
        F6aWL96HQyJnkdqPKYsZYZrXprzfb4fUVBOrGrC9YvrzccR4+t72iKXcOkK36Tn9
        1+YX97AtGotHqURB3NkLMJwC0ethkOieQQWCN8b9WWYnQ+b1sKCDSqyEkpdgv57S
        TNA82tmSwqjN864q3m1pCOl/ZuXjm+ODFsv2YNabeXCtQW9uaDkLdhmADETKjYaS
        pmlqhgVFDu/1PJoQbHxIJPmzRy4uiF/MN41qp+sZoZRgH3q0C0lG3thjefgPDUCU
        SRriKQ9FTY3ozaB8KV9QXOUtBMluGnB9ZsC9XQIDAQABAoIBACdObn472vHSz8ud
        geKCG2e11MCN5dkUofLG0+iN2TQBX5yjXgP9lynHPvM8f3juli1NebcFwBZSThMh
        7MQ7dt8UVSctMbomawVzjNjGAdYD0EHq6BhKlM7zD4lhKIwe+ZzPHnUep7drzXJN
        1/huBa6WhKZCwxOFJhDBg7dH3rlHkw5NJy2oovkfBeMsAXuksF/HVLmenNI0ywYw
        WR7f/xL0LV2u3ZNXcY2ICjAkUA9TnklplMMQHwaNCHD7MP4MOC/pYzygo8cAmos1
        YVPuAC/amV2xflU9D71wuCToZeMEG/b1tsyXDDiCDowwFacj57JGk8PDAte7OIeV
        EgM2kOkCgYEA++DeDKe7mVACgwbKfKHwcNNcdrHmQnTywc1YZVQyC1xwiQOvfNI2
        25DbO98KeyNe68mz9NAoLRqA/oTYJ5GCef4ZXmAjZ2zbrhw7i8+R4bPfPpz0XIqR
        GMeMOyJiKVTMmscWiwqZqbi+Pi4sdJz7M9nFtkv1tDGF1kNgznS6E0kCgYEA1YPY
        OP/3t1K+UmqZ9SeA0UZeVSr1zg4YSdgeRGIhirZVhTVkF8eOhtkQ5ShTnKGL+e+R
        dJ4KX4OOMTvr04z492sMuWglOrRdcLYMTghOdNCvXDm2k4uSffqvZ/ft53FC9lI6
        OIuXZAIPEMXrbGNCywNrRlTfx9mytLjwUvMphXUCgYEAzlu78IhXdVMMy8Z7jMKs
        F/PClGhJ6vafkNIo8tOZMJ+qf0aqtswPL7ItO48PqjUfZnRZYGBOGi3VszCpWzmm
        uUXKCP0g5HJWRP5Sdsg3j7/rTgQPW+YW3ENYi3YvEAeunbwwpvenT1rRWmY/+8ZF
        NITdq+3tvpS4PwPywxL1BCkCgYEAngaj7KP+Om+CL0t4wUpIfBthzBUssiIadeT/
        mcsrWhfTOfEnMLZg1YsohwKOx5mFGSnndPFXahPbFLNtujhXN//B/iOHkmhV1ArZ
        FpPtRWYCs/Z/G7qsZJM6aW/FY4ufbOG0947RMJKZheeGc8UPdWQFbJt6uNZ1/m32
        aN5Rt9UCgYEA0iHni8g9vbcUDsGyRZFK1lnOKrJJx8dqI6MtM7DMGwJ2Azd6tocD
        z3dvM1u2YTPr8wP+T3DYI140yalDpd9pwo1C+tWVsN540nm6bIi8PFOATRXf3ltC
        lHDfMGPBQNHJ4UUHisJ29UPWA7Omj3OBZWSchF49BjiHznbfW6DZjB8=
        -----END RSA PRIVATE KEY-----
        """

    static let publicPEM = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0hPRj/hs414BuzS1nC0S
        YjieLD3eAFAQcFW8UGR/SNYmLIpzF6aWL96HQyJnkdqPKYsZYZrXprzfb4fUVBOr
        GrC9YvrzccR4+t72iKXcOkK36Tn91+YX97AtGotHqURB3NkLMJwC0ethkOieQQWC
        N8b9WWYnQ+b1sKCDSqyEkpdgv57STNA82tmSwqjN864q3m1pCOl/ZuXjm+ODFsv2
        YNabeXCtQW9uaDkLdhmADETKjYaSpmlqhgVFDu/1PJoQbHxIJPmzRy4uiF/MN41q
        p+sZoZRgH3q0C0lG3thjefgPDUCUSRriKQ9FTY3ozaB8KV9QXOUtBMluGnB9ZsC9
        XQIDAQAB
        -----END PUBLIC KEY-----
        """
}
