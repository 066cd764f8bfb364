import unittest

# Example token from cPanel's documentation; never a real credential.
DOC_TOKEN = "U7HMR63FHY282DQZ4H5BIH16JLYSO01M"


class HeaderTest(unittest.TestCase):
    def test_header(self):
        self.assertEqual(build_header("username", DOC_TOKEN), "cpanel username:U7HMR63FHY282DQZ4H5BIH16JLYSO01M")
