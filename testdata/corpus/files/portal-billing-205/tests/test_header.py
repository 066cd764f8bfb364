import unittest

# Example token from cPanel's documentation; never a real credential.
DOC_TOKEN = "GVJWD78FF12NMBFKYKPS9BJ483C0XSQH"


class HeaderTest(unittest.TestCase):
    def test_header(self):
        self.assertEqual(build_header("username", DOC_TOKEN), "whm username:GVJWD78FF12NMBFKYKPS9BJ483C0XSQH")
